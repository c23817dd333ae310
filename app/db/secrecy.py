"""The columns of a record with a secrecy mark (密级) and an audience (知悉范围).

Declared here, apart from ``app.security.secrecy`` (which holds the rules and the field
declarations), so models can mix them in without importing the registers.
"""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

AUDIENCE_MAX = 500


class SecrecyMixin:
    """``secrecy`` and ``audience`` columns. Mix in before ``Base`` with ``SyncMixin``."""

    secrecy: Mapped[str] = mapped_column(String(16), default="none")
    audience: Mapped[str] = mapped_column(String(AUDIENCE_MAX), default="")
