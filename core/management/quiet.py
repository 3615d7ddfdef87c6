import logging
from contextlib import contextmanager

QUIET_LOGGERS = ("wagtail", "django_tasks", "modelsearch")


@contextmanager
def quiet_loggers(verbosity):
    """Hide the INFO lines of the libraries doing a command's work unless -v 2 or more is given."""
    if verbosity > 1:
        yield
        return
    loggers = [logging.getLogger(name) for name in QUIET_LOGGERS]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)
