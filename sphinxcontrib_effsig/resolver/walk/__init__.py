"""The runtime walk: from a documented object down to what it really calls.

:mod:`.dispatch` holds the :class:`~.dispatch.Resolver` and decides what kind
of object it meets; the other modules each handle one kind of layer (an
explicit signature, a wrapper function, a class, a call site) and call back
into the resolver for what lies below. Library protocols (wrapt, makefun,
registry dispatchers, runners) are in :mod:`..protocols`.
"""
