"""typeguard: ``@typechecked`` re-compiles the function with checks inlined."""

from typeguard import typechecked

from samples.calls import remember_call


@typechecked
def transfer(amount: int, *, to: str, reference: str | None = None) -> object:
    return remember_call()


@typechecked
class Account:
    """Every method of the class is instrumented."""

    def deposit(self, amount: int, /, note: str = "") -> object:
        return remember_call()
