"""flask: routes, and helpers whose wrappers call ``ensure_sync(f)(*args, **kwargs)``."""

import flask

from samples.calls import remember_call

app = flask.Flask(__name__)
app.config["LOGIN_DISABLED"] = True


@app.route("/users/<int:user_id>")
def show_user(user_id, *, tab="profile"):
    return remember_call()


def copied_handler():
    """``copy_current_request_context`` is applied inside a request, to a nested function."""
    with app.test_request_context("/"):

        @flask.copy_current_request_context
        def send_later(recipient, subject="", *, cc=()):
            return remember_call()

    return send_later


@flask.stream_with_context
def export_rows(table, /, fmt="csv"):
    """A generator function: the request context stays pushed while it runs."""
    yield remember_call()


def request_context():
    return app.test_request_context("/")
