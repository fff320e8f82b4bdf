"""What plugins register through a Wagtail hook that returns one object or a list of them (listing types,
scheduled jobs, personal data): collected by key, a key registered twice being an error."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from wagtail import hooks

T = TypeVar("T")


def collect_registered(
    hook_name: str, key: Callable[[T], str], what: str, hook_functions: Iterable[Callable] | None = None
) -> dict[str, T]:
    """Every object the functions of ``hook_name`` return, by ``key``, in registration order.

    ``what`` names the kind in the error for a key registered twice ("Scheduled job 'x' is registered
    twice."). ``hook_functions`` are the hook's functions when the caller has read them already.
    """
    registered: dict[str, T] = {}
    for hook_function in hooks.get_hooks(hook_name) if hook_functions is None else hook_functions:
        returned = hook_function()
        for item in returned if isinstance(returned, list | tuple) else [returned]:
            if key(item) in registered:
                raise ValueError(f"{what} {key(item)!r} is registered twice.")
            registered[key(item)] = item
    return registered
