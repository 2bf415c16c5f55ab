# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QDateEdit, QFormLayout, QFrame, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton,
    QScrollArea, QSizePolicy, QSpacerItem, QTabWidget,
    QTableView, QVBoxLayout, QWidget)

class Ui_SettingsPage(object):
    def setupUi(self, SettingsPage):
        if not SettingsPage.objectName():
            SettingsPage.setObjectName(u"SettingsPage")
        self.mainLayout = QVBoxLayout(SettingsPage)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.titleLabel = QLabel(SettingsPage)
        self.titleLabel.setObjectName(u"titleLabel")

        self.headerLayout.addWidget(self.titleLabel)

        self.headerSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer)

        self.languageLabel = QLabel(SettingsPage)
        self.languageLabel.setObjectName(u"languageLabel")

        self.headerLayout.addWidget(self.languageLabel)

        self.languageCombo = QComboBox(SettingsPage)
        self.languageCombo.setObjectName(u"languageCombo")

        self.headerLayout.addWidget(self.languageCombo)


        self.mainLayout.addLayout(self.headerLayout)

        self.tabs = QTabWidget(SettingsPage)
        self.tabs.setObjectName(u"tabs")
        self.organisationTab = QWidget()
        self.organisationTab.setObjectName(u"organisationTab")
        self.organisationTabLayout = QVBoxLayout(self.organisationTab)
        self.organisationTabLayout.setObjectName(u"organisationTabLayout")
        self.organisationScroll = QScrollArea(self.organisationTab)
        self.organisationScroll.setObjectName(u"organisationScroll")
        self.organisationScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.organisationScroll.setWidgetResizable(True)
        self.organisationContents = QWidget()
        self.organisationContents.setObjectName(u"organisationContents")
        self.organisationContentsLayout = QVBoxLayout(self.organisationContents)
        self.organisationContentsLayout.setObjectName(u"organisationContentsLayout")
        self.organisationFormRow = QHBoxLayout()
        self.organisationFormRow.setObjectName(u"organisationFormRow")
        self.organisationForm = QFormLayout()
        self.organisationForm.setObjectName(u"organisationForm")
        self.roleName = QLabel(self.organisationContents)
        self.roleName.setObjectName(u"roleName")

        self.organisationForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.roleName)

        self.roleValue = QLabel(self.organisationContents)
        self.roleValue.setObjectName(u"roleValue")
        self.roleValue.setWordWrap(True)

        self.organisationForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.roleValue)

        self.nameLabel = QLabel(self.organisationContents)
        self.nameLabel.setObjectName(u"nameLabel")

        self.organisationForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameBox = QVBoxLayout()
        self.nameBox.setObjectName(u"nameBox")
        self.nameEdit = QLineEdit(self.organisationContents)
        self.nameEdit.setObjectName(u"nameEdit")

        self.nameBox.addWidget(self.nameEdit)

        self.nameError = QLabel(self.organisationContents)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setWordWrap(True)

        self.nameBox.addWidget(self.nameError)


        self.organisationForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.nameBox)

        self.codeLabel = QLabel(self.organisationContents)
        self.codeLabel.setObjectName(u"codeLabel")

        self.organisationForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.codeLabel)

        self.codeBox = QVBoxLayout()
        self.codeBox.setObjectName(u"codeBox")
        self.codeEdit = QLineEdit(self.organisationContents)
        self.codeEdit.setObjectName(u"codeEdit")

        self.codeBox.addWidget(self.codeEdit)

        self.codeError = QLabel(self.organisationContents)
        self.codeError.setObjectName(u"codeError")
        self.codeError.setWordWrap(True)

        self.codeBox.addWidget(self.codeError)


        self.organisationForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.codeBox)

        self.typeLabel = QLabel(self.organisationContents)
        self.typeLabel.setObjectName(u"typeLabel")

        self.organisationForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.typeLabel)

        self.typeBox = QVBoxLayout()
        self.typeBox.setObjectName(u"typeBox")
        self.typeCombo = QComboBox(self.organisationContents)
        self.typeCombo.setObjectName(u"typeCombo")

        self.typeBox.addWidget(self.typeCombo)

        self.typeError = QLabel(self.organisationContents)
        self.typeError.setObjectName(u"typeError")
        self.typeError.setWordWrap(True)

        self.typeBox.addWidget(self.typeError)


        self.organisationForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.typeBox)

        self.secretaryLabel = QLabel(self.organisationContents)
        self.secretaryLabel.setObjectName(u"secretaryLabel")

        self.organisationForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.secretaryLabel)

        self.secretaryBox = QVBoxLayout()
        self.secretaryBox.setObjectName(u"secretaryBox")
        self.secretaryEdit = QLineEdit(self.organisationContents)
        self.secretaryEdit.setObjectName(u"secretaryEdit")

        self.secretaryBox.addWidget(self.secretaryEdit)

        self.secretaryError = QLabel(self.organisationContents)
        self.secretaryError.setObjectName(u"secretaryError")
        self.secretaryError.setWordWrap(True)

        self.secretaryBox.addWidget(self.secretaryError)


        self.organisationForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.secretaryBox)

        self.contactLabel = QLabel(self.organisationContents)
        self.contactLabel.setObjectName(u"contactLabel")

        self.organisationForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.contactLabel)

        self.contactBox = QVBoxLayout()
        self.contactBox.setObjectName(u"contactBox")
        self.contactEdit = QLineEdit(self.organisationContents)
        self.contactEdit.setObjectName(u"contactEdit")

        self.contactBox.addWidget(self.contactEdit)

        self.contactError = QLabel(self.organisationContents)
        self.contactError.setObjectName(u"contactError")
        self.contactError.setWordWrap(True)

        self.contactBox.addWidget(self.contactError)


        self.organisationForm.setLayout(5, QFormLayout.ItemRole.FieldRole, self.contactBox)

        self.phoneLabel = QLabel(self.organisationContents)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.organisationForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneBox = QVBoxLayout()
        self.phoneBox.setObjectName(u"phoneBox")
        self.phoneEdit = QLineEdit(self.organisationContents)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.phoneBox.addWidget(self.phoneEdit)

        self.phoneError = QLabel(self.organisationContents)
        self.phoneError.setObjectName(u"phoneError")
        self.phoneError.setWordWrap(True)

        self.phoneBox.addWidget(self.phoneError)


        self.organisationForm.setLayout(6, QFormLayout.ItemRole.FieldRole, self.phoneBox)

        self.termStartLabel = QLabel(self.organisationContents)
        self.termStartLabel.setObjectName(u"termStartLabel")

        self.organisationForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.termStartLabel)

        self.termStartBox = QVBoxLayout()
        self.termStartBox.setObjectName(u"termStartBox")
        self.termStartRow = QHBoxLayout()
        self.termStartRow.setObjectName(u"termStartRow")
        self.termStartCheck = QCheckBox(self.organisationContents)
        self.termStartCheck.setObjectName(u"termStartCheck")

        self.termStartRow.addWidget(self.termStartCheck)

        self.termStartEdit = QDateEdit(self.organisationContents)
        self.termStartEdit.setObjectName(u"termStartEdit")
        self.termStartEdit.setCalendarPopup(True)

        self.termStartRow.addWidget(self.termStartEdit)

        self.termStartSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.termStartRow.addItem(self.termStartSpacer)


        self.termStartBox.addLayout(self.termStartRow)

        self.termStartError = QLabel(self.organisationContents)
        self.termStartError.setObjectName(u"termStartError")
        self.termStartError.setWordWrap(True)

        self.termStartBox.addWidget(self.termStartError)


        self.organisationForm.setLayout(7, QFormLayout.ItemRole.FieldRole, self.termStartBox)

        self.termEndLabel = QLabel(self.organisationContents)
        self.termEndLabel.setObjectName(u"termEndLabel")

        self.organisationForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.termEndLabel)

        self.termEndBox = QVBoxLayout()
        self.termEndBox.setObjectName(u"termEndBox")
        self.termEndRow = QHBoxLayout()
        self.termEndRow.setObjectName(u"termEndRow")
        self.termEndCheck = QCheckBox(self.organisationContents)
        self.termEndCheck.setObjectName(u"termEndCheck")

        self.termEndRow.addWidget(self.termEndCheck)

        self.termEndEdit = QDateEdit(self.organisationContents)
        self.termEndEdit.setObjectName(u"termEndEdit")
        self.termEndEdit.setCalendarPopup(True)

        self.termEndRow.addWidget(self.termEndEdit)

        self.termEndSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.termEndRow.addItem(self.termEndSpacer)


        self.termEndBox.addLayout(self.termEndRow)

        self.termEndError = QLabel(self.organisationContents)
        self.termEndError.setObjectName(u"termEndError")
        self.termEndError.setWordWrap(True)

        self.termEndBox.addWidget(self.termEndError)


        self.organisationForm.setLayout(8, QFormLayout.ItemRole.FieldRole, self.termEndBox)


        self.organisationFormRow.addLayout(self.organisationForm)

        self.organisationRightSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.organisationFormRow.addItem(self.organisationRightSpacer)


        self.organisationContentsLayout.addLayout(self.organisationFormRow)

        self.saveLayout = QHBoxLayout()
        self.saveLayout.setObjectName(u"saveLayout")
        self.saveButton = QPushButton(self.organisationContents)
        self.saveButton.setObjectName(u"saveButton")

        self.saveLayout.addWidget(self.saveButton)

        self.saveStatus = QLabel(self.organisationContents)
        self.saveStatus.setObjectName(u"saveStatus")

        self.saveLayout.addWidget(self.saveStatus)

        self.saveSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.saveLayout.addItem(self.saveSpacer)


        self.organisationContentsLayout.addLayout(self.saveLayout)

        self.organisationBottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.organisationContentsLayout.addItem(self.organisationBottomSpacer)

        self.organisationScroll.setWidget(self.organisationContents)

        self.organisationTabLayout.addWidget(self.organisationScroll)

        self.tabs.addTab(self.organisationTab, "")
        self.rulesTab = QWidget()
        self.rulesTab.setObjectName(u"rulesTab")
        self.rulesTabLayout = QVBoxLayout(self.rulesTab)
        self.rulesTabLayout.setObjectName(u"rulesTabLayout")
        self.rulesIntro = QLabel(self.rulesTab)
        self.rulesIntro.setObjectName(u"rulesIntro")
        self.rulesIntro.setWordWrap(True)

        self.rulesTabLayout.addWidget(self.rulesIntro)

        self.rulesButtonLayout = QHBoxLayout()
        self.rulesButtonLayout.setObjectName(u"rulesButtonLayout")
        self.restoreButton = QPushButton(self.rulesTab)
        self.restoreButton.setObjectName(u"restoreButton")

        self.rulesButtonLayout.addWidget(self.restoreButton)

        self.restoreAllButton = QPushButton(self.rulesTab)
        self.restoreAllButton.setObjectName(u"restoreAllButton")

        self.rulesButtonLayout.addWidget(self.restoreAllButton)

        self.rulesStatus = QLabel(self.rulesTab)
        self.rulesStatus.setObjectName(u"rulesStatus")

        self.rulesButtonLayout.addWidget(self.rulesStatus)

        self.rulesButtonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.rulesButtonLayout.addItem(self.rulesButtonSpacer)


        self.rulesTabLayout.addLayout(self.rulesButtonLayout)

        self.rulesView = QTableView(self.rulesTab)
        self.rulesView.setObjectName(u"rulesView")
        self.rulesView.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked|QAbstractItemView.EditTrigger.EditKeyPressed|QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.rulesView.setTabKeyNavigation(False)
        self.rulesView.setAlternatingRowColors(True)
        self.rulesView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.rulesView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rulesView.setWordWrap(False)
        self.rulesView.verticalHeader().setVisible(False)

        self.rulesTabLayout.addWidget(self.rulesView)

        self.tabs.addTab(self.rulesTab, "")

        self.mainLayout.addWidget(self.tabs)

#if QT_CONFIG(shortcut)
        self.languageLabel.setBuddy(self.languageCombo)
        self.nameLabel.setBuddy(self.nameEdit)
        self.codeLabel.setBuddy(self.codeEdit)
        self.typeLabel.setBuddy(self.typeCombo)
        self.secretaryLabel.setBuddy(self.secretaryEdit)
        self.contactLabel.setBuddy(self.contactEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.termStartLabel.setBuddy(self.termStartCheck)
        self.termEndLabel.setBuddy(self.termEndCheck)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.languageCombo, self.tabs)
        QWidget.setTabOrder(self.tabs, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.codeEdit)
        QWidget.setTabOrder(self.codeEdit, self.typeCombo)
        QWidget.setTabOrder(self.typeCombo, self.secretaryEdit)
        QWidget.setTabOrder(self.secretaryEdit, self.contactEdit)
        QWidget.setTabOrder(self.contactEdit, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.termStartCheck)
        QWidget.setTabOrder(self.termStartCheck, self.termStartEdit)
        QWidget.setTabOrder(self.termStartEdit, self.termEndCheck)
        QWidget.setTabOrder(self.termEndCheck, self.termEndEdit)
        QWidget.setTabOrder(self.termEndEdit, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.restoreButton)
        QWidget.setTabOrder(self.restoreButton, self.restoreAllButton)
        QWidget.setTabOrder(self.restoreAllButton, self.rulesView)

        self.retranslateUi(SettingsPage)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(SettingsPage)
    # setupUi

    def retranslateUi(self, SettingsPage):
        self.titleLabel.setText(QCoreApplication.translate("SettingsPage", u"Settings", None))
        self.languageLabel.setText(QCoreApplication.translate("SettingsPage", u"Language:", None))
        self.roleName.setText(QCoreApplication.translate("SettingsPage", u"This computer is used by:", None))
        self.nameLabel.setText(QCoreApplication.translate("SettingsPage", u"Organisation name:", None))
        self.codeLabel.setText(QCoreApplication.translate("SettingsPage", u"Organisation code:", None))
        self.typeLabel.setText(QCoreApplication.translate("SettingsPage", u"Organisation type:", None))
        self.secretaryLabel.setText(QCoreApplication.translate("SettingsPage", u"Secretary:", None))
        self.contactLabel.setText(QCoreApplication.translate("SettingsPage", u"Contact person:", None))
        self.phoneLabel.setText(QCoreApplication.translate("SettingsPage", u"Contact phone:", None))
        self.termStartLabel.setText(QCoreApplication.translate("SettingsPage", u"Term start:", None))
        self.termStartCheck.setText(QCoreApplication.translate("SettingsPage", u"Set", None))
        self.termEndLabel.setText(QCoreApplication.translate("SettingsPage", u"Term end:", None))
        self.termEndCheck.setText(QCoreApplication.translate("SettingsPage", u"Set", None))
        self.saveButton.setText(QCoreApplication.translate("SettingsPage", u"Save", None))
        self.tabs.setTabText(self.tabs.indexOf(self.organisationTab), QCoreApplication.translate("SettingsPage", u"Organisation", None))
        self.rulesIntro.setText(QCoreApplication.translate("SettingsPage", u"These numbers decide when the program reminds you that something is due. Each row shows the default beside your value and where it comes from (local practice is marked as such); rows in bold differ from the default. Double-click a current value to change it.", None))
        self.restoreButton.setText(QCoreApplication.translate("SettingsPage", u"Restore this row's default", None))
        self.restoreAllButton.setText(QCoreApplication.translate("SettingsPage", u"Restore all defaults", None))
        self.tabs.setTabText(self.tabs.indexOf(self.rulesTab), QCoreApplication.translate("SettingsPage", u"Work rules", None))
        pass
    # retranslateUi

