"""wrapt proxies: ``FunctionWrapper`` and its kind.

A proxy holds the target as ``__wrapped__`` and the decorator's wrapper
function as ``_self_wrapper``; the wrapper receives ``(wrapped, instance,
args, kwargs)``, so the caller's positional arguments arrive as the tuple
``args`` and the keywords as the dict ``kwargs``, and its code says what it
does with them.
"""

from __future__ import annotations

import types
from typing import TYPE_CHECKING, Any

from ..analysis import CalleeKind, effect_of
from ..compose import Layer, Site, compose
from ..model import VAR_KW, VAR_POS, EffectiveParameter, EffectiveSignature
from ..naming import owner_name
from ..safe import MISSING, instance_attr
from ..signatures import inspected
from ..walk.call_sites import WrapperContext, site
from ..walk.layers import explain, merge_kwargs_edits

if TYPE_CHECKING:
    from ..walk.dispatch import Resolver


def value_wrapper(obj: object) -> Any:
    """The wrapper function of a :mod:`wrapt` proxy (``_self_wrapper``), if any."""
    impl = instance_attr(obj, "_self_wrapper", None)
    if isinstance(impl, (types.FunctionType, types.MethodType)):
        return impl
    return None


def args_as_values(
    resolver: Resolver, obj: object, impl: Any, wrapped: object
) -> EffectiveSignature:
    """The proxy ``obj``: its wrapper function ``impl`` applied to ``wrapped``."""
    impl_self: object = MISSING
    if issubclass(type(impl), types.MethodType):
        impl_self, impl = impl.__self__, impl.__func__
    code = impl.__code__
    offset = 0 if impl_self is MISSING else 1
    names = code.co_varnames[: code.co_argcount]
    if len(names) < offset + 4:
        return inspected(obj)
    wrapped_name, args_name, kwargs_name = names[offset], names[offset + 2], names[offset + 3]
    effect = effect_of(code, impl.__globals__, (args_name, kwargs_name))
    name = owner_name(impl)
    own = [
        EffectiveParameter("args", VAR_POS, owner=impl, owner_name=name),
        EffectiveParameter("kwargs", VAR_KW, owner=impl, owner_name=name),
    ]
    layer = Layer(
        own=own,
        owner=impl,
        owner_name=name,
        unproven=explain(name, effect.unproven),
        describe=f"the wrapper {name}",
        expects_target=True,
        wrapped_id=id(wrapped),
    )
    merge_kwargs_edits(layer, effect, impl)
    if not effect.has_source:
        layer.unproven.append(f"the source of {name} is not available")
    ctx = WrapperContext(resolver, impl, impl_self, wrapped, layer)
    for forward in effect.forwards:
        if forward.via is not None:
            layer.sites.append(Site(forward, None))
            continue
        if forward.callee.kind is CalleeKind.PARAM and forward.callee.name == wrapped_name:
            target: Any = wrapped
        else:
            target = ctx.callee_object(forward.callee)
        layer.sites.append(site(ctx, forward, target))
    return compose(layer)
