"""One error type for bad content, reported as one clear line per problem."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """A single content problem: where it is, what is wrong, and what is allowed."""

    file: str
    field: str
    value: object
    allowed: str

    def __str__(self) -> str:
        value = self.value if isinstance(self.value, str) else repr(self.value)
        where = f"{self.file}: {self.field}" if self.field else self.file
        return f"{where}: {value!s}: {self.allowed}" if value != "" else f"{where}: {self.allowed}"


class ContentError(Exception):
    """Raised with every problem of a run, so that authors see them all at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the site's content:"
        return "\n".join([head, *(f"  {p}" for p in self.problems)])
