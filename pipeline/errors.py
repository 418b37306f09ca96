"""Errors the CLI shows as a one-line message (what is wrong and what to do), not a traceback."""


class UserFacingError(Exception):
    """Base class: the message must say which command or setting fixes the problem."""
