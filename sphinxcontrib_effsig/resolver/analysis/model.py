"""What the analysis finds in a wrapper's code: the :class:`Effect` and its parts.

These are plain values; nothing here reads code. The composition reads an
``Effect`` to know which of the target's parameters a wrapper consumes,
fills in or passes on.
"""

from __future__ import annotations

import ast
import enum
from dataclasses import dataclass, field


class CalleeKind(enum.StrEnum):
    """How a forwarding call names its target, which says where to look it up."""

    #: a variable of the enclosing closure (``func`` in ``def deco(func)``)
    FREE = "free"
    #: a module-level name, or an attribute path from one (``json.dumps``)
    GLOBAL = "global"
    #: an attribute of the method's first parameter (``self.func``)
    SELF_ATTR = "self_attr"
    #: a parameter of the wrapper itself
    PARAM = "param"
    #: a function defined inside the wrapper
    LOCAL_DEF = "local_def"
    #: ``super().name``
    SUPER = "super"
    #: anything else (a local variable, a computed expression)
    UNKNOWN = "unknown"


#: Marks a keyword the wrapper pops or deletes without a default.
REQUIRED = None
#: Marks a keyword popped only when the caller passed it (``if "k" in kwargs``):
#: optional, with no default value of its own (rendered ``...``).
OPTIONAL: ast.expr = ast.Constant(value=Ellipsis)


@dataclass(frozen=True)
class Callee:
    """How a forwarding call names its target, in the wrapper's own terms."""

    kind: CalleeKind
    name: str = ""
    text: str = ""
    #: ``impl.__get__(obj, cls)(...)``: the target is called bound to an instance
    binds: bool = False
    #: the variable holding that instance, when it is a plain name
    bound_to: str = ""


@dataclass(frozen=True)
class Forward:
    """One call that passes the wrapper's ``*args`` and/or ``**kwargs`` on.

    ``leading`` holds the positional arguments written before ``*args``: the
    wrapper parameter name when an argument is one passed straight through,
    else ``None``. ``keywords`` maps each keyword written in the call to the
    wrapper parameter passed through under it (or ``None``).
    """

    callee: Callee
    star_args: bool
    star_kwargs: bool
    leading: tuple[str | None, ...] = ()
    keywords: tuple[tuple[str, str | None], ...] = ()
    via: HelperCall | None = None
    #: the leading positional arguments as callees, for runners such as
    #: ``asyncio.to_thread(func, *args)`` or ``executor.submit(func, *args)``
    leading_callees: tuple[Callee, ...] = ()
    #: for each leading argument written ``args[k]``, that ``k`` (else None)
    relayed: tuple[int | None, ...] = ()
    #: the ``if``/``else`` arms the call sits in: (id of the ``if``, 0 body / 1 else)
    arms: tuple[tuple[int, int], ...] = ()
    #: positional arguments written after ``*args`` (``func(*args, mock)``,
    #: ``func(*(args + (mock,)))``): they fill the target's last positional places
    trailing: int = 0
    #: the keywords written in the call whose value names something
    #: (``run(*args, handler=on_done, **kwargs)``): the target may call it
    keyword_callees: tuple[tuple[str, Callee], ...] = ()
    #: a starred value not built from the wrapper's ``*args`` (``func(a, *values)``)
    #: fills the target's remaining positional places, however many they are
    rest_filled: bool = False
    #: the call's result is called in turn (``attrs(**kw)(cls)``): the target is a
    #: decorator factory, and the wrapper gives it its target itself
    result_called: bool = False
    #: the wrapper returns this call's result as it is (and nothing else)
    result_returned: bool = False

    def excludes(self, other: Forward) -> bool:
        """Whether this call and ``other`` sit in different arms of one ``if``:
        a run-time choice, never both on one call."""
        mine = dict(self.arms)
        return any(mine.get(node, arm) != arm for node, arm in other.arms)


@dataclass(frozen=True)
class HelperCall:
    """``helper(func, args, kwargs)``: the wrapper hands its arguments over as values.

    ``args_at``/``kwargs_at`` say where the tuple and the dict are passed (a
    position or a keyword); ``arguments`` describes the other arguments, so a
    helper parameter that receives the target can be traced back.
    """

    helper: Callee
    args_at: int | str | None
    kwargs_at: int | str | None
    arguments: tuple[tuple[int | str, Callee], ...]


@dataclass
class Effect:
    """Everything the composition needs to know about one wrapper's code."""

    varargs: str | None
    varkw: str | None
    forwards: list[Forward] = field(default_factory=list)
    #: kwargs.pop(name[, default]) / del kwargs[name]: name -> default expr or REQUIRED
    popped: dict[str, ast.expr | None] = field(default_factory=dict)
    #: pops with a default inside ``if``/``else`` arms, for keys whose defaults
    #: differ between arms: name -> [(arms, default)], so the walk can pick the
    #: arm a configured decorator takes
    popped_in_arms: dict[str, list[tuple[tuple[tuple[int, int], ...], ast.expr]]] = field(
        default_factory=dict
    )
    #: the test of each ``if`` an arm above refers to, by the ``if``'s id
    conditions: dict[int, ast.expr] = field(default_factory=dict)
    #: keywords the wrapper fills in itself (kwargs[name] = v, kwargs.update(name=v))
    supplied: set[str] = field(default_factory=set)
    #: keywords the wrapper always sets from the caller's own value
    #: (``kwargs[name] = merge(kwargs.get(name))``): still the caller's to
    #: pass, by keyword only
    rewritten: set[str] = field(default_factory=set)
    #: keywords the wrapper refuses (``if name in kwargs: raise ...``)
    rejected: set[str] = field(default_factory=set)
    #: every keyword it has not popped is refused (``if kwargs: raise TypeError``,
    #: after the pops, on every path): its ``**kwargs`` takes nothing more
    rejects_rest: bool = False
    #: kwargs.setdefault(name, default)
    defaults: dict[str, ast.expr] = field(default_factory=dict)
    #: ``for name in NAMES: if name not in kwargs: kwargs[name] = v``: the closure
    #: or module variable holding the names -> ``v`` (the default of each)
    looped_defaults: dict[str, ast.expr] = field(default_factory=dict)
    #: leading positional arguments the wrapper needs (args[0] read, empty args refused)
    positional_needed: int = 0
    #: parameter annotations and return annotation as written in the source
    annotations: dict[str, ast.expr] = field(default_factory=dict)
    returns: ast.expr | None = None
    #: ``-> T`` where a parameter is annotated ``type[T]``: the function's own result
    returns_instance: bool = False
    #: every ``return`` returns a forwarding call's result as it is (and the
    #: body cannot end without one): what the wrapper returns is its target's
    returns_forwarded: bool = False
    has_source: bool = True
    unproven: list[str] = field(default_factory=list)
