"""networkx: ``argmap`` decorators (``not_implemented_for``, ``py_random_state``).

``argmap`` returns a stub ``func(*args, __wrapper=None, **kwargs)`` (with a
private keyword-only ``_argmap__wrapper`` default pointing at itself) that
compiles the real wrapper on its first call and replaces its own
``__code__``. What autodoc imports is the stub, so each row decorates a fresh
function (``fresh_*()``): the runtime check's calls must not change what the
other tests resolve.
"""

import networkx as nx

from samples.calls import remember_call

GRAPH = nx.path_graph(3)


def fresh_degree_sum():
    @nx.utils.not_implemented_for("directed")
    def degree_sum(G, weight="weight"):
        return remember_call()

    return degree_sum


def fresh_sample_nodes():
    @nx.utils.py_random_state("seed")
    def sample_nodes(G, k=1, *, seed=None):
        """``seed`` is converted to a ``random.Random`` before the call."""
        return remember_call()

    return sample_nodes


#: Real graphs for the runtime check: the decorators inspect ``G``.
ORACLE_VALUES = {"fresh_degree_sum()": {"G": GRAPH}, "fresh_sample_nodes()": {"G": GRAPH}}
