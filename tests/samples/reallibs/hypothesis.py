"""hypothesis: ``@given`` supplies some parameters; the test takes the others.

One generated example per call (``max_examples=1``, generate phase only), so
each call reaches the test body once.
"""

from hypothesis import Phase, given, settings
from hypothesis import strategies as st

from samples.calls import remember_call

ONE_EXAMPLE = settings(max_examples=1, database=None, phases=[Phase.generate], deadline=None)


@ONE_EXAMPLE
@given(count=st.integers(min_value=0, max_value=3))
def check_batch(size, count):
    remember_call()


@ONE_EXAMPLE
@given(st.text(max_size=3))
def check_roundtrip(codec, text):
    """A positional strategy fills the last parameter."""
    remember_call()
