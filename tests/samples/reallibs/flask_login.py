"""flask-login: ``login_required``/``fresh_login_required`` call ``current_app.ensure_sync(func)``.

Calls run in a request context of an app with ``LOGIN_DISABLED`` (as a test
configuration does), so the view is reached.
"""

import flask
from flask_login import LoginManager, fresh_login_required, login_required

from samples.calls import remember_call

app = flask.Flask(__name__)
app.config["LOGIN_DISABLED"] = True
LoginManager(app)


@login_required
def dashboard(section="home", *, compact=False):
    return remember_call()


@fresh_login_required
def change_password(user_id, /, *, confirm=False):
    return remember_call()


def request_context():
    return app.test_request_context("/")
