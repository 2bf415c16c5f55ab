# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'firstrun.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QGroupBox, QLabel,
    QLineEdit, QRadioButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_FirstRunDialog(object):
    def setupUi(self, FirstRunDialog):
        if not FirstRunDialog.objectName():
            FirstRunDialog.setObjectName(u"FirstRunDialog")
        self.mainLayout = QVBoxLayout(FirstRunDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.titleLabel = QLabel(FirstRunDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.mainLayout.addWidget(self.titleLabel)

        self.introLabel = QLabel(FirstRunDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.organisationGroup = QGroupBox(FirstRunDialog)
        self.organisationGroup.setObjectName(u"organisationGroup")
        self.organisationForm = QFormLayout(self.organisationGroup)
        self.organisationForm.setObjectName(u"organisationForm")
        self.nameLabel = QLabel(self.organisationGroup)
        self.nameLabel.setObjectName(u"nameLabel")

        self.organisationForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameBox = QVBoxLayout()
        self.nameBox.setObjectName(u"nameBox")
        self.nameEdit = QLineEdit(self.organisationGroup)
        self.nameEdit.setObjectName(u"nameEdit")

        self.nameBox.addWidget(self.nameEdit)

        self.nameError = QLabel(self.organisationGroup)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setWordWrap(True)

        self.nameBox.addWidget(self.nameError)


        self.organisationForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.nameBox)

        self.codeLabel = QLabel(self.organisationGroup)
        self.codeLabel.setObjectName(u"codeLabel")

        self.organisationForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.codeLabel)

        self.codeBox = QVBoxLayout()
        self.codeBox.setObjectName(u"codeBox")
        self.codeEdit = QLineEdit(self.organisationGroup)
        self.codeEdit.setObjectName(u"codeEdit")

        self.codeBox.addWidget(self.codeEdit)

        self.codeHelp = QLabel(self.organisationGroup)
        self.codeHelp.setObjectName(u"codeHelp")
        self.codeHelp.setWordWrap(True)

        self.codeBox.addWidget(self.codeHelp)

        self.codeError = QLabel(self.organisationGroup)
        self.codeError.setObjectName(u"codeError")
        self.codeError.setWordWrap(True)

        self.codeBox.addWidget(self.codeError)


        self.organisationForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.codeBox)

        self.typeLabel = QLabel(self.organisationGroup)
        self.typeLabel.setObjectName(u"typeLabel")

        self.organisationForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.typeLabel)

        self.typeBox = QVBoxLayout()
        self.typeBox.setObjectName(u"typeBox")
        self.typeCombo = QComboBox(self.organisationGroup)
        self.typeCombo.setObjectName(u"typeCombo")

        self.typeBox.addWidget(self.typeCombo)

        self.typeError = QLabel(self.organisationGroup)
        self.typeError.setObjectName(u"typeError")
        self.typeError.setWordWrap(True)

        self.typeBox.addWidget(self.typeError)


        self.organisationForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.typeBox)

        self.secretaryLabel = QLabel(self.organisationGroup)
        self.secretaryLabel.setObjectName(u"secretaryLabel")

        self.organisationForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.secretaryLabel)

        self.secretaryEdit = QLineEdit(self.organisationGroup)
        self.secretaryEdit.setObjectName(u"secretaryEdit")

        self.organisationForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.secretaryEdit)


        self.mainLayout.addWidget(self.organisationGroup)

        self.roleGroup = QGroupBox(FirstRunDialog)
        self.roleGroup.setObjectName(u"roleGroup")
        self.roleLayout = QVBoxLayout(self.roleGroup)
        self.roleLayout.setObjectName(u"roleLayout")
        self.branchRadio = QRadioButton(self.roleGroup)
        self.branchRadio.setObjectName(u"branchRadio")
        self.branchRadio.setChecked(True)

        self.roleLayout.addWidget(self.branchRadio)

        self.branchHelp = QLabel(self.roleGroup)
        self.branchHelp.setObjectName(u"branchHelp")
        self.branchHelp.setWordWrap(True)

        self.roleLayout.addWidget(self.branchHelp)

        self.committeeRadio = QRadioButton(self.roleGroup)
        self.committeeRadio.setObjectName(u"committeeRadio")

        self.roleLayout.addWidget(self.committeeRadio)

        self.committeeHelp = QLabel(self.roleGroup)
        self.committeeHelp.setObjectName(u"committeeHelp")
        self.committeeHelp.setWordWrap(True)

        self.roleLayout.addWidget(self.committeeHelp)

        self.roleNote = QLabel(self.roleGroup)
        self.roleNote.setObjectName(u"roleNote")
        self.roleNote.setWordWrap(True)

        self.roleLayout.addWidget(self.roleNote)

        self.mismatchNote = QLabel(self.roleGroup)
        self.mismatchNote.setObjectName(u"mismatchNote")
        self.mismatchNote.setWordWrap(True)

        self.roleLayout.addWidget(self.mismatchNote)

        self.roleError = QLabel(self.roleGroup)
        self.roleError.setObjectName(u"roleError")
        self.roleError.setWordWrap(True)

        self.roleLayout.addWidget(self.roleError)


        self.mainLayout.addWidget(self.roleGroup)

        self.generalError = QLabel(FirstRunDialog)
        self.generalError.setObjectName(u"generalError")
        self.generalError.setWordWrap(True)

        self.mainLayout.addWidget(self.generalError)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(FirstRunDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.codeLabel.setBuddy(self.codeEdit)
        self.typeLabel.setBuddy(self.typeCombo)
        self.secretaryLabel.setBuddy(self.secretaryEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.codeEdit)
        QWidget.setTabOrder(self.codeEdit, self.typeCombo)
        QWidget.setTabOrder(self.typeCombo, self.secretaryEdit)
        QWidget.setTabOrder(self.secretaryEdit, self.branchRadio)
        QWidget.setTabOrder(self.branchRadio, self.committeeRadio)

        self.retranslateUi(FirstRunDialog)

        QMetaObject.connectSlotsByName(FirstRunDialog)
    # setupUi

    def retranslateUi(self, FirstRunDialog):
        FirstRunDialog.setWindowTitle(QCoreApplication.translate("FirstRunDialog", u"First-run set-up", None))
        self.titleLabel.setText(QCoreApplication.translate("FirstRunDialog", u"Welcome to Party Branch Desk", None))
        self.introLabel.setText(QCoreApplication.translate("FirstRunDialog", u"Before you start, tell the program which Party organisation this computer keeps records for. The name and code can be changed later in Settings; the choice of branch or committee cannot. If this computer takes over from one that kept the records, use \u201cRestore from a backup\u2026\u201d at the bottom left instead.", None))
        self.organisationGroup.setTitle(QCoreApplication.translate("FirstRunDialog", u"Organisation", None))
        self.nameLabel.setText(QCoreApplication.translate("FirstRunDialog", u"Organisation name:", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("FirstRunDialog", u"Full name, e.g. CPC First Branch Committee of Example Community", None))
        self.codeLabel.setText(QCoreApplication.translate("FirstRunDialog", u"Organisation code:", None))
        self.codeEdit.setPlaceholderText(QCoreApplication.translate("FirstRunDialog", u"Letters and digits only, up to 32", None))
        self.codeHelp.setText(QCoreApplication.translate("FirstRunDialog", u"The code your higher Party committee gave this organisation (as in the national Party member information system). It marks this organisation's data in sync files and backups, so every computer of the organisation uses the same code.", None))
        self.typeLabel.setText(QCoreApplication.translate("FirstRunDialog", u"Organisation type:", None))
        self.secretaryLabel.setText(QCoreApplication.translate("FirstRunDialog", u"Secretary:", None))
        self.secretaryEdit.setPlaceholderText(QCoreApplication.translate("FirstRunDialog", u"Optional: printed as the person in charge on the roster sent up", None))
        self.roleGroup.setTitle(QCoreApplication.translate("FirstRunDialog", u"This computer is used by", None))
        self.branchRadio.setText(QCoreApplication.translate("FirstRunDialog", u"A Party branch", None))
        self.branchHelp.setText(QCoreApplication.translate("FirstRunDialog", u"Keeps its own roster, meetings and study records, and sends sync files up to its committee on a USB stick.", None))
        self.committeeRadio.setText(QCoreApplication.translate("FirstRunDialog", u"A Party committee above several branches", None))
        self.committeeHelp.setText(QCoreApplication.translate("FirstRunDialog", u"Imports the sync files sent by its branches and sees all of their records together.", None))
        self.roleNote.setText(QCoreApplication.translate("FirstRunDialog", u"This choice cannot be changed later: a committee's copy and a branch's copy keep different kinds of records.", None))
    # retranslateUi

