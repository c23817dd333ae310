"""The list of one register: ids up front, display rows fetched on demand a page at a time.

Only the ordered ids come from ``RecordService.ids`` when the list opens (search, filters and
sort are done in SQL), so a list of a hundred thousand rows opens at once. Display values are
asked for when the view paints a row, ``PAGE_SIZE`` rows per query, and kept in a bounded cache.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QFont, QGuiApplication, QPalette

from app.context import reading
from app.quarters import QUARTER_PATTERN, quarter_text
from app.registers.fields import BOOL, CHOICE, INT, Register
from app.services.records import ListQuery, RecordService
from ui.i18n import tr_app, tr_register, tr_value

PAGE_SIZE = 200
CACHE_ROWS = 5_000
DELETED_KEY = "__deleted__"

ID_ROLE = Qt.ItemDataRole.UserRole
DELETED_ROLE = Qt.ItemDataRole.UserRole + 1

AnyIndex = QModelIndex | QPersistentModelIndex


class RecordTableModel(QAbstractTableModel):
    """Rows of one register. ``UserRole`` gives a row's id; ``UserRole + 1`` whether it is deleted."""

    query_changed = Signal()

    def __init__(
        self, records: RecordService, reg: Register, parent: Any = None, *, load: bool = True
    ) -> None:
        """``load``: read the ids now; a caller about to ``set_query`` passes False, so a large
        register is not read twice (it starts empty until then)."""
        super().__init__(parent)
        self.records = records
        self.reg = reg
        self.columns: tuple[str, ...] = reg.columns
        computed = {c.name for c in reg.computed}
        self._numeric = [c in computed or reg.field(c).kind == INT for c in self.columns]
        self._translated = [c not in computed and reg.field(c).kind in (CHOICE, BOOL) for c in self.columns]
        self._query = ListQuery()
        self._ids: list[str] = []
        # The tables the list's queries read (ids, rows, referenced names, counts): a change to
        # any of them makes the list stale (``ui.watch``).
        self.read_tables: set[str] = set()
        self._positions: dict[str, int] | None = None
        self._cache: OrderedDict[str, dict[str, str]] = OrderedDict()
        if load:
            self._load_ids()

    # ---- the query ------------------------------------------------------------------------
    @property
    def query(self) -> ListQuery:
        """A copy of the current query."""
        q = self._query
        return ListQuery(q.search, dict(q.filters), q.sort, q.descending, q.include_deleted)

    @property
    def sort_column(self) -> str:
        return self._query.sort or self.reg.default_sort

    @property
    def descending(self) -> bool:
        return self._query.descending

    @property
    def include_deleted(self) -> bool:
        return self._query.include_deleted

    def set_query(
        self,
        search: str | None = None,
        filters: dict[str, Any] | None = None,
        sort: str | None = None,
        descending: bool | None = None,
        include_deleted: bool | None = None,
    ) -> None:
        """Change what the list shows; arguments left as None keep their current value."""
        q = self.query
        if search is not None:
            q.search = search
        if filters is not None:
            q.filters = {k: v for k, v in filters.items() if v is not None and v != ""}
        if sort is not None:
            if sort not in self.columns:
                raise KeyError(f"{self.reg.name} has no column {sort!r}")
            q.sort = sort
        if descending is not None:
            q.descending = descending
        if include_deleted is not None:
            q.include_deleted = include_deleted
        self.beginResetModel()
        self._query = q
        self._load_ids()
        self.endResetModel()
        self.query_changed.emit()

    def refresh(self) -> None:
        """Read the ids and values again (after a change anywhere).

        When the same rows come back (values edited, nothing added or removed), the rows are
        moved rather than reset, so the view keeps its selection and current row. Otherwise the
        model is reset; ``RegisterPage`` then restores the selection by id.
        """
        old = self._ids
        new = self._ids_now(self.query)
        if len(new) == len(old) and set(new) == set(old):
            self._relayout(new)
            if self._ids:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(self.columns) - 1))
        else:
            self.beginResetModel()
            self._ids = new
            self._positions = None
            self._cache.clear()
            self.endResetModel()
        self.query_changed.emit()

    def _ids_now(self, query: ListQuery) -> list[str]:
        with reading(self.read_tables):
            return self.records.ids(self.reg, query)

    def _load_ids(self) -> None:
        self._ids = self._ids_now(self._query)
        self._positions = None
        self._cache.clear()

    def _relayout(self, new_ids: list[str]) -> None:
        """Reorder to ``new_ids`` (the same ids), keeping persistent indexes on their records."""
        self.layoutAboutToBeChanged.emit()
        old_ids = self._ids
        self._ids = new_ids
        self._positions = None
        self._cache.clear()
        persistent = self.persistentIndexList()
        if persistent:
            positions = self._position_map()
            new_list = []
            for idx in persistent:
                row = positions.get(old_ids[idx.row()], -1) if 0 <= idx.row() < len(old_ids) else -1
                new_list.append(self.index(row, idx.column()) if row >= 0 else QModelIndex())
            self.changePersistentIndexList(persistent, new_list)
        self.layoutChanged.emit()

    # ---- ids and rows -----------------------------------------------------------------------
    def ids(self) -> list[str]:
        """The ids in display order (a copy)."""
        return list(self._ids)

    def id_at(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def _position_map(self) -> dict[str, int]:
        if self._positions is None:
            self._positions = {row_id: i for i, row_id in enumerate(self._ids)}
        return self._positions

    def row_of(self, row_id: str | None) -> int:
        """The row showing ``row_id``, or -1."""
        if row_id is None:
            return -1
        return self._position_map().get(row_id, -1)

    def is_deleted(self, row: int) -> bool:
        values = self._row_values(row)
        return bool(values and values.get(DELETED_KEY))

    def display_text(self, row: int, column: str) -> str:
        """What the list shows in a cell, by column name."""
        values = self._row_values(row)
        if values is None:
            return ""
        text = values.get(column, "")
        if column == "quarter" and re.fullmatch(QUARTER_PATTERN, text):
            return quarter_text(text, tr_app)  # 2026Q4 -> 2026年第四季度
        return tr_value(text) if text and self._translated[self.columns.index(column)] else text

    def _row_values(self, row: int) -> dict[str, str] | None:
        row_id = self.id_at(row)
        if row_id is None:
            return None
        values = self._cache.get(row_id)
        if values is None:
            self._fetch_page(row)
            values = self._cache.get(row_id)
        return values

    def _fetch_page(self, row: int) -> None:
        start = (row // PAGE_SIZE) * PAGE_SIZE
        wanted = [i for i in self._ids[start : start + PAGE_SIZE] if i not in self._cache]
        with reading(self.read_tables):
            fetched = self.records.rows(self.reg, wanted)
        for row_id in wanted:
            # A row that vanished since the ids were read shows empty until the next refresh.
            self._cache[row_id] = fetched.get(row_id, {})
        while len(self._cache) > CACHE_ROWS:
            self._cache.popitem(last=False)

    # ---- QAbstractTableModel ------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 (Qt's name)
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._ids) or index.column() >= len(self.columns):
            return None
        row, col = index.row(), index.column()
        if role == ID_ROLE:
            return self._ids[row]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.display_text(row, self.columns[col])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if self._numeric[col] else Qt.AlignmentFlag.AlignLeft
            return horizontal | Qt.AlignmentFlag.AlignVCenter
        if role == DELETED_ROLE:
            return self.is_deleted(row)
        if role == Qt.ItemDataRole.ForegroundRole:
            if self._query.include_deleted and self.is_deleted(row):
                palette = QGuiApplication.palette()
                return QBrush(palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
            return None
        if role == Qt.ItemDataRole.FontRole:
            if self._query.include_deleted and self.is_deleted(row):
                font = QFont()
                font.setStrikeOut(True)
                return font
            return None
        return None

    def headerData(  # noqa: N802 (Qt's name)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self.columns):
                return None
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return tr_register(self.reg.column_label(self.columns[section]))
            if role == Qt.ItemDataRole.UserRole:
                return self.columns[section]
            return None
        if not 0 <= section < len(self._ids):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in SQL by the column's name; selected rows stay selected."""
        if not 0 <= column < len(self.columns):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if self.columns[column] == self.sort_column and descending == self._query.descending:
            return
        self._query.sort = self.columns[column]
        self._query.descending = descending
        new_ids = self._ids_now(self.query)
        if len(new_ids) == len(self._ids) and set(new_ids) == set(self._ids):
            self._relayout(new_ids)
        else:  # the rows changed underneath as well
            self.beginResetModel()
            self._ids = new_ids
            self._positions = None
            self._cache.clear()
            self.endResetModel()
        self.query_changed.emit()
