"""funcy: ``@decorator`` wrappers that receive a ``Call`` object and invoke it later."""

import funcy

from samples.calls import remember_call


@funcy.decorator
def audited(call):
    """A user's decorator: reads an argument by name, then makes the call."""
    _ = call.amount
    return call()


@funcy.decorator
def tagged(call, tag="default"):
    return call()


@funcy.retry(2, errors=ConnectionError)
def ping(host, *, port=80):
    return remember_call()


@funcy.memoize
def factorize(n, method="trial"):
    return remember_call()


@audited
def transfer(amount, /, to="savings", *, memo=""):
    return remember_call()


@tagged(tag="billing")
def charge(customer, amount=0):
    return remember_call()


@funcy.ignore(ValueError)
def parse_date(text, *, fmt="%Y-%m-%d"):
    return remember_call()
