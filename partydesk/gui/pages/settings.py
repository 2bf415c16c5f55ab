"""Settings page (设置): the organisation's details, the rule table, and the interface language.

Every read and write goes through the task runner (house rule 5). A save that the core rejects shows the
core's Chinese message beside the field it names and writes nothing (house rule 6). The page reloads the
organisation or the rules when the hub reports that they changed, whoever changed them.

Rules go back to the national defaults one row at a time ("Restore this row's default") or all at
once ("Restore all defaults", after a question that lists what would change).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QPersistentModelIndex, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from partydesk.core.changes import ChangeKind, Changes
from partydesk.core.checks.roster import term_end, term_years
from partydesk.core.domain.organisation import ORG_TYPES, ROLE_COMMITTEE
from partydesk.core.domain.rules import format_value, shown_unit
from partydesk.core.errors import KnownError, ValidationError
from partydesk.core.services.setup import OrganisationInput
from partydesk.core.services.store import OrganisationRecord, RuleRecord
from partydesk.gui import languages
from partydesk.gui.forms.ui_settings_page import Ui_SettingsPage
from partydesk.gui.models.rules_model import (
    COL_CATEGORY,
    COL_DEFAULT,
    COL_LABEL,
    COL_NOTE,
    COL_SOURCE,
    COL_UNIT,
    COL_VALUE,
    RuleRole,
    RulesModel,
)
from partydesk.gui.operations import settings as settings_ops
from partydesk.gui.widgets import discard_guard, error_label
from partydesk.gui.widgets.date_field import DateField

if TYPE_CHECKING:
    from partydesk.gui.context import AppContext

# Rule table columns sized from the font: column -> width in CJK characters (the note column stretches).
RULE_COLUMN_CHARS = {COL_CATEGORY: 8, COL_LABEL: 17, COL_VALUE: 7, COL_UNIT: 3, COL_DEFAULT: 6, COL_SOURCE: 7}
# Where the core's ValidationError.field names point on this form (the phone normaliser names its
# field in Chinese, as it does for roster columns).
FIELD_ALIASES = {"联系电话": "phone"}


def _shown(rule: RuleRecord, value: int) -> str:
    """A rule's value as the table shows it, with its unit (3000.00 元, 0.5 %, 计入)."""
    text = format_value(rule.unit, value, rule.choices, rule.minimum)
    return text if rule.choices or not shown_unit(rule.unit) else f"{text} {shown_unit(rule.unit)}"


class RuleValueDelegate(QStyledItemDelegate):
    """Edits a current value as text in its shown unit (元, %, 月 …); the model parses it and says why it
    refuses a value, where a spin box would silently clamp or revert it. A rule that picks one way of
    counting (计入 / 不计入) is chosen from a list instead."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        rule = index.data(RuleRole)
        if rule is not None and rule.choices:
            combo = QComboBox(parent)
            combo.addItems(list(rule.choices))
            return combo
        editor = QLineEdit(parent)
        editor.setFrame(False)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight)
        if rule is not None:
            editor.setToolTip(str(index.data(Qt.ItemDataRole.ToolTipRole) or ""))
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentText(str(index.data(Qt.ItemDataRole.EditRole)))
        elif isinstance(editor, QLineEdit):
            editor.setText(str(index.data(Qt.ItemDataRole.EditRole)))
            editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


class SettingsPage(QWidget):
    """Organisation form, rule table and language selector."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_SettingsPage()
        self.ui.setupUi(self)
        self._organisation: OrganisationRecord | None = None
        self._role: str | None = None
        self._saving = False
        self._clean: OrganisationInput | None = None  # the form as last loaded or saved
        self._saving_input: OrganisationInput | None = None

        title = self.ui.titleLabel.font()
        title.setBold(True)
        title.setPointSizeF(title.pointSizeF() * 1.5)
        self.ui.titleLabel.setFont(title)
        for code, name in languages.LANGUAGES.items():
            self.ui.languageCombo.addItem(name, code)
        self._sync_language_combo()
        self.ui.languageCombo.currentIndexChanged.connect(self._language_chosen)

        self._setup_organisation_form()
        self._setup_rules()
        self._fill_dynamic_texts()

        ctx.hub.changed.connect(self._on_changed)
        ctx.hub.languageChanged.connect(self._sync_language_combo)
        self.load_organisation()
        self.load_rules()

    # -- organisation ------------------------------------------------------------------------------

    def _setup_organisation_form(self) -> None:
        ui = self.ui
        ui.typeCombo.addItems(list(ORG_TYPES))
        self._field_errors: dict[str, QLabel] = {
            "name": ui.nameError, "code": ui.codeError, "org_type": ui.typeError, "secretary": ui.secretaryError,
            "contact": ui.contactError, "phone": ui.phoneError, "term_start": ui.termStartError,
            "term_end": ui.termEndError,
        }
        for label in self._field_errors.values():
            error_label.mark_as_error_label(label)
        # Wide enough for a full organisation name (中共某某社区第一支部委员会) without scrolling.
        ui.nameEdit.setMinimumWidth(self.fontMetrics().horizontalAdvance("汉") * 24)
        # 任期 dates are typed as offices write them, like every date in the window (``DateField``); an empty
        # field is "not set", so the form's 设置 boxes and QDateEdits give way to the shared field.
        self.term_start_edit = self._date_field(ui.termStartCheck, ui.termStartEdit, ui.termStartLabel, "任期开始日期")
        self.term_end_edit = self._date_field(ui.termEndCheck, ui.termEndEdit, ui.termEndLabel, "任期届满日期")
        self.term_start_edit.show_problems_in(ui.termStartError)
        self.term_end_edit.show_problems_in(ui.termEndError)
        # A date's line comes and goes as it is typed: its room is kept, so 保存 below does not jump up and down
        # under the pointer (a click aimed at it landed on the space it had left).
        for line in (ui.termStartError, ui.termEndError):
            policy = line.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            line.setSizePolicy(policy)
            line.setText("汉")  # (the room of one line of its text, as shown)
            line.setMinimumHeight(line.sizeHint().height())
            line.clear()
        ui.saveButton.clicked.connect(self.save_organisation)
        # Enter in any field saves, as in a dialog; an edit makes "已保存" or an old refusal no longer true.
        for edit in (ui.nameEdit, ui.codeEdit, ui.secretaryEdit, ui.contactEdit, ui.phoneEdit, self.term_start_edit,
                     self.term_end_edit):
            edit.returnPressed.connect(self.save_organisation)
            edit.textEdited.connect(lambda _text: self.ui.saveStatus.clear())
        ui.typeCombo.activated.connect(lambda _index: self.ui.saveStatus.clear())
        # An empty 任期届满 is worked out from the start (the to-do board's 换届 reminder does so): say to what.
        self.term_start_edit.textChanged.connect(lambda _text: self._suggest_term_end())
        ui.nameEdit.textChanged.connect(lambda _text: self._suggest_term_end())
        ui.typeCombo.currentTextChanged.connect(lambda _text: self._suggest_term_end())
        # Ctrl+S saves too, as in every record form (the help says so), while the keyboard is in this form.
        save_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), ui.organisationScroll)
        save_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save_key.activated.connect(self._save_key)
        # The scroll area only exists for small screens; it must not paint a grey box inside the tab.
        ui.organisationScroll.viewport().setAutoFillBackground(False)
        ui.organisationContents.setAutoFillBackground(False)

    def _date_field(self, check: QCheckBox, old: QDateEdit, label: QLabel, name: str) -> DateField:
        """Put a ``DateField`` where the form has ``check`` + ``old`` (a QDateEdit)."""
        row = self.ui.termStartRow if old is self.ui.termStartEdit else self.ui.termEndRow
        field = DateField(old.parentWidget(), field_name=name)
        field.setObjectName(old.objectName())
        # Wide enough for the worked-out 任期届满 in its grey text (``_suggest_term_end``), in the language shown.
        field.setMinimumWidth(self.fontMetrics().horizontalAdvance(self._term_end_words(date(2029, 12, 1), 5)) + 48)
        row.insertWidget(row.indexOf(old), field)
        for widget in (old, check):
            row.removeWidget(widget)
            widget.hide()  # kept (hidden): the generated form still retranslates them
        label.setBuddy(field)
        return field

    def organisation_input(self) -> OrganisationInput:
        """The form as the core's input record."""
        ui = self.ui
        return OrganisationInput(
            name=ui.nameEdit.text(), code=ui.codeEdit.text(), org_type=ui.typeCombo.currentText(),
            secretary=ui.secretaryEdit.text(), contact=ui.contactEdit.text(), phone=ui.phoneEdit.text(),
            term_start=self.term_start_edit.value(),
            term_end=self.term_end_edit.value(),
        )

    def load_organisation(self) -> None:
        """Read this site's organisation and role on the DB lane, then fill the form."""
        settings_ops.load_organisation(self, self.ctx, self._organisation_loaded)

    def has_unsaved_changes(self) -> bool:
        """Whether the organisation form differs from what was last loaded or saved."""
        return self._organisation is not None and self._clean is not None and self.organisation_input() != self._clean

    def confirm_leave(self) -> bool:
        """Before the page is left or the window closed: with unsaved organisation details, ask whether to
        throw them away ("Keep editing" the default); when so, the form shows the saved details again."""
        if not self.has_unsaved_changes():
            return True
        if not discard_guard.confirm_discard(self):
            self.ui.nameEdit.setFocus()
            return False
        self._organisation_loaded((self._organisation, self._role))
        return True

    def _organisation_loaded(self, result: tuple[OrganisationRecord | None, str | None]) -> None:
        organisation, role = result
        self._organisation, self._role = organisation, role
        self._fill_dynamic_texts()
        self.ui.saveButton.setEnabled(organisation is not None and not self._saving)
        if organisation is None:
            return
        ui = self.ui
        ui.nameEdit.setText(organisation.name)
        ui.codeEdit.setText(organisation.code)
        if ui.typeCombo.findText(organisation.org_type) < 0:
            ui.typeCombo.addItem(organisation.org_type)  # an older or imported type still shows
        ui.typeCombo.setCurrentText(organisation.org_type)
        ui.secretaryEdit.setText(organisation.secretary)
        ui.contactEdit.setText(organisation.contact)
        ui.phoneEdit.setText(organisation.phone)
        self.term_start_edit.set_value(organisation.term_start)
        self.term_end_edit.set_value(organisation.term_end)
        self._suggest_term_end()
        self._clean = self.organisation_input()

    def _suggest_term_end(self) -> None:
        """The 任期届满 field's grey text: the day worked out from the start when it is left empty (five years for
        a village's, a community's or a 基层党委's organisation, three for others), else how to type a date."""
        start = self.term_start_edit.value()
        if start is None:
            self.term_end_edit.show_example()
            return
        name, kind = self.ui.nameEdit.text(), self.ui.typeCombo.currentText()
        ends = term_end(start, None, name, kind)
        if ends is not None:
            self.term_end_edit.setPlaceholderText(self._term_end_words(ends, term_years(name, kind)))

    def _term_end_words(self, ends: date, years: int) -> str:
        return self.tr("Left empty: {day} ({years} years from the start)").format(day=f"{ends:%Y-%m-%d}", years=years)

    def _save_key(self) -> None:
        if self.ui.saveButton.isEnabled():
            self.ui.saveButton.setFocus()  # a date being typed is read as it is left, as with a click
            self.ui.saveButton.click()

    def save_organisation(self) -> None:
        """Save the form through the core; a rejected field gets its message beside it."""
        if self._organisation is None or self._saving:
            return
        self._clear_errors()
        bad = False
        for field, edit in (("term_start", self.term_start_edit), ("term_end", self.term_end_edit)):
            if not edit.check():  # a typed date that is no date is never saved as "not set"; each one marked
                self._field_errors[field].setText(edit.problem())
                self._field_errors[field].show()
                bad = True
        if bad:
            self._show_status(self.ui.saveStatus, self.tr("Not saved: please correct the marked field."), error=True)
            return
        self._saving = True
        self._saving_input = self.organisation_input()
        self.ui.saveButton.setEnabled(False)
        settings_ops.update_organisation(self, self.ctx, org_id=self._organisation.id, data=self._saving_input,
                                         on_done=self._saved, on_error=self._save_failed)

    def _saved(self, _changes: object) -> None:
        self._clean = self._saving_input
        self._saving = False
        self.ui.saveButton.setEnabled(True)
        self._show_status(self.ui.saveStatus, self.tr("Saved."), error=False)

    def _save_failed(self, error: KnownError) -> None:
        self._saving = False
        self.ui.saveButton.setEnabled(True)
        field = error.field if isinstance(error, ValidationError) else ""
        field = FIELD_ALIASES.get(field, field)
        label = self._field_errors.get(field)
        if label is None:
            self._show_status(self.ui.saveStatus, error.message, error=True)
            return
        label.setText(error.message)
        label.show()
        self._show_status(self.ui.saveStatus, self.tr("Not saved: please correct the marked field."), error=True)
        self.ui.organisationScroll.ensureWidgetVisible(label)

    def field_error(self, field: str) -> str:
        """The message shown beside ``field``, or "" (for tests and screen readers)."""
        label = self._field_errors.get(field)
        return "" if label is None or label.isHidden() else label.text()

    def _clear_errors(self) -> None:
        for label in self._field_errors.values():
            label.clear()
            label.hide()
        self.ui.saveStatus.clear()

    def _show_status(self, label: QLabel, text: str, *, error: bool) -> None:
        palette = self.palette()
        if error:
            palette.setColor(QPalette.ColorRole.WindowText, error_label.ERROR_COLOUR)
        label.setPalette(palette)
        label.setText(text)

    # -- rules -------------------------------------------------------------------------------------

    def _setup_rules(self) -> None:
        self.rules_model = RulesModel(self)
        view = self.ui.rulesView
        view.setModel(self.rules_model)
        view.setItemDelegateForColumn(COL_VALUE, RuleValueDelegate(view))
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.verticalHeader().setDefaultSectionSize(int(self.fontMetrics().height() * 1.8))
        header = view.horizontalHeader()
        for column in RULE_COLUMN_CHARS:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_NOTE, QHeaderView.ResizeMode.Stretch)
        self._size_rule_columns()
        self.rules_model.valueEdited.connect(self._rule_edited)
        self.rules_model.valueRejected.connect(lambda _key, why: self._show_rule_error(why))
        view.selectionModel().currentRowChanged.connect(lambda *_: self._update_restore_button())
        self.restore_action = QAction(self)
        self.restore_action.triggered.connect(self.restore_selected)
        self.restore_all_action = QAction(self)
        self.restore_all_action.triggered.connect(self.restore_all)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._rules_menu)
        self.ui.restoreButton.clicked.connect(self.restore_selected)
        self.ui.restoreAllButton.clicked.connect(self.restore_all)
        error_label.mark_as_error_label(self.ui.rulesStatus)
        self._update_restore_button()

    def _size_rule_columns(self) -> None:
        # From the font and the header texts (which change with the language), never from the contents
        # (house GUI rule for tables): a column is as wide as its usual data, or its title if wider.
        view = self.ui.rulesView
        cjk = self.fontMetrics().horizontalAdvance("汉")
        header = view.horizontalHeader()
        title_metrics = header.fontMetrics()
        for column, chars in RULE_COLUMN_CHARS.items():
            title = str(self.rules_model.headerData(column, Qt.Orientation.Horizontal) or "")
            header.resizeSection(column, max(cjk * chars, title_metrics.horizontalAdvance(title) + cjk * 2))

    def load_rules(self) -> None:
        """Read the rule table on the DB lane, then show it."""
        settings_ops.load_rules(self, self.ctx, self._rules_loaded)

    def _rules_loaded(self, rules: list[Any]) -> None:
        selected = self.selected_rule_key()
        self.rules_model.set_rules(rules)
        row = self.rules_model.row_of(selected) if selected else -1
        if row >= 0:
            self.ui.rulesView.setCurrentIndex(self.rules_model.index(row, COL_LABEL))
        self._update_restore_button()

    def selected_rule_key(self) -> str | None:
        """The key of the rule in the current row, if any."""
        index = self.ui.rulesView.currentIndex()
        rule = self.rules_model.rule_at(index.row()) if index.isValid() else None
        return rule.key if rule is not None else None

    def _rule_edited(self, key: str, value: int) -> None:
        self.ui.rulesStatus.hide()
        rule = self.rules_model.rule_at(self.rules_model.row_of(key))
        # A cell is saved as it is left (Enter, Tab, a click elsewhere): the status line says so, and how to undo.
        said = self.tr("Saved: {rule} {value} (“Restore default” puts it back).").format(
            rule=rule.label, value=_shown(rule, value)) if rule is not None else ""
        settings_ops.set_rule(self, self.ctx, key=key, value=value, on_error=self._rule_failed,
                              on_done=lambda _changes: self.ctx.hub.statusMessage.emit(said) if said else None)
        self._update_restore_button()

    def restore_selected(self) -> None:
        """Put the selected rule back to its national default."""
        key = self.selected_rule_key()
        rule = self.rules_model.rule_at(self.rules_model.row_of(key)) if key else None
        if rule is None or rule.is_default:
            return
        self.ui.rulesStatus.hide()
        settings_ops.restore_rules(self, self.ctx, [rule.key], self._rule_failed)

    def changed_rules(self) -> list[RuleRecord]:
        """The rules whose value differs from the national default, in table order."""
        return [rule for rule in self.rules_model.rules() if not rule.is_default]

    def restore_all(self) -> None:
        """Ask, then put every rule that differs back to its national default (one job on the DB lane)."""
        rules = self.changed_rules()
        if not rules or not self._confirm_restore_all(rules):
            return
        self.ui.rulesStatus.hide()
        settings_ops.restore_rules(self, self.ctx, [rule.key for rule in rules], self._rule_failed)

    def _confirm_restore_all(self, rules: list[RuleRecord]) -> bool:
        question = self.tr("Restore the default of every rule that differs from it ({count} in all)?")
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Restore all defaults"),
                          question.format(count=len(rules)), QMessageBox.StandardButton.NoButton, self)
        box.setInformativeText("\n".join(
            f"{rule.category} · “{rule.label}”：{_shown(rule, rule.value)} → {_shown(rule, rule.default)}"
            for rule in rules))
        confirm = box.addButton(self.tr("Restore all defaults"), QMessageBox.ButtonRole.AcceptRole)
        confirm.setObjectName("restoreAllConfirmButton")
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
        box.exec()
        return box.clickedButton() is confirm

    def _rule_failed(self, error: KnownError) -> None:
        self._show_rule_error(error.message)
        self.load_rules()  # the table shows what is really stored again

    def _show_rule_error(self, text: str) -> None:
        self.ui.rulesStatus.setText(text)
        self.ui.rulesStatus.show()

    def _rules_menu(self, pos: QPoint) -> None:
        index = self.ui.rulesView.indexAt(pos)
        if not index.isValid():
            return
        self.ui.rulesView.setCurrentIndex(index)
        menu = QMenu(self)
        menu.addAction(self.restore_action)
        menu.addAction(self.restore_all_action)
        menu.exec(self.ui.rulesView.viewport().mapToGlobal(pos))

    def _update_restore_button(self) -> None:
        key = self.selected_rule_key()
        rule = self.rules_model.rule_at(self.rules_model.row_of(key)) if key else None
        enabled = rule is not None and not rule.is_default
        self.ui.restoreButton.setEnabled(enabled)
        self.restore_action.setEnabled(enabled)
        any_changed = bool(self.changed_rules())
        self.ui.restoreAllButton.setEnabled(any_changed)
        self.restore_all_action.setEnabled(any_changed)

    # -- hub and language --------------------------------------------------------------------------

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(ChangeKind.RULE):
            self.load_rules()
        if changes.touches(ChangeKind.ORGANISATION, ChangeKind.SITE):
            self.load_organisation()

    def _language_chosen(self, index: int) -> None:
        lang = self.ui.languageCombo.itemData(index)
        if isinstance(lang, str) and lang != languages.current_language():
            self.ctx.switch_language(lang)

    def _sync_language_combo(self) -> None:
        index = self.ui.languageCombo.findData(languages.current_language())
        if index >= 0 and index != self.ui.languageCombo.currentIndex():
            self.ui.languageCombo.blockSignals(True)
            self.ui.languageCombo.setCurrentIndex(index)
            self.ui.languageCombo.blockSignals(False)

    def _fill_dynamic_texts(self) -> None:
        if self._role is None:
            role = ""
        elif self._role == ROLE_COMMITTEE:
            role = self.tr("A Party committee: imports the sync files of its branches.")
        else:
            role = self.tr("A Party branch: sends sync files up to its committee.")
        note = self.tr("Chosen at first-run set-up; it cannot be changed here.")
        self.ui.roleValue.setText(f"{role}\n{note}" if role else "")
        self.restore_action.setText(self.tr("Restore this row's default"))
        self.restore_all_action.setText(self.tr("Restore all defaults"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._fill_dynamic_texts()
            self.rules_model.retranslate()
            self._size_rule_columns()
            # "Saved." belongs to the save just made, in the language it was made in: not worth keeping.
            self.ui.saveStatus.clear()
        super().changeEvent(event)
