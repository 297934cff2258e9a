"""Real libraries' decorators, applied as their users apply them (issue 14).

One module per library, named after it; each row of
:mod:`helpers.reallibs_table` names an object here and the signature a caller
really has to satisfy. Implementations end with ``return remember_call()``
(:mod:`samples.calls`) so the runtime check (:mod:`helpers.truth`) sees which
arguments reached them.
"""
