# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'study_edit.ui'
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
    QDialogButtonBox, QDoubleSpinBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QListView, QListWidget,
    QListWidgetItem, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_StudyEditDialog(object):
    def setupUi(self, StudyEditDialog):
        if not StudyEditDialog.objectName():
            StudyEditDialog.setObjectName(u"StudyEditDialog")
        self.mainLayout = QVBoxLayout(StudyEditDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(StudyEditDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLabel = QLabel(StudyEditDialog)
        self.formLabel.setObjectName(u"formLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.formLabel)

        self.formCombo = QComboBox(StudyEditDialog)
        self.formCombo.setObjectName(u"formCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.formCombo)

        self.topicLabel = QLabel(StudyEditDialog)
        self.topicLabel.setObjectName(u"topicLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.topicLabel)

        self.topicEdit = QLineEdit(StudyEditDialog)
        self.topicEdit.setObjectName(u"topicEdit")
        self.topicEdit.setMaxLength(200)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.topicEdit)

        self.startLabel = QLabel(StudyEditDialog)
        self.startLabel.setObjectName(u"startLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.startLabel)

        self.datesLayout = QHBoxLayout()
        self.datesLayout.setObjectName(u"datesLayout")
        self.startEdit = QLineEdit(StudyEditDialog)
        self.startEdit.setObjectName(u"startEdit")

        self.datesLayout.addWidget(self.startEdit)

        self.endLabel = QLabel(StudyEditDialog)
        self.endLabel.setObjectName(u"endLabel")

        self.datesLayout.addWidget(self.endLabel)

        self.endEdit = QLineEdit(StudyEditDialog)
        self.endEdit.setObjectName(u"endEdit")

        self.datesLayout.addWidget(self.endEdit)


        self.formLayout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.datesLayout)

        self.dateProblemLabel = QLabel(StudyEditDialog)
        self.dateProblemLabel.setObjectName(u"dateProblemLabel")
        self.dateProblemLabel.setWordWrap(True)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.dateProblemLabel)

        self.organiserLabel = QLabel(StudyEditDialog)
        self.organiserLabel.setObjectName(u"organiserLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.organiserLabel)

        self.organiserEdit = QLineEdit(StudyEditDialog)
        self.organiserEdit.setObjectName(u"organiserEdit")
        self.organiserEdit.setMaxLength(200)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.organiserEdit)

        self.lengthLabel = QLabel(StudyEditDialog)
        self.lengthLabel.setObjectName(u"lengthLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.lengthLabel)

        self.lengthLayout = QHBoxLayout()
        self.lengthLayout.setObjectName(u"lengthLayout")
        self.amountSpin = QDoubleSpinBox(StudyEditDialog)
        self.amountSpin.setObjectName(u"amountSpin")
        self.amountSpin.setDecimals(1)
        self.amountSpin.setMinimum(0.500000000000000)
        self.amountSpin.setMaximum(99.000000000000000)
        self.amountSpin.setSingleStep(0.500000000000000)
        self.amountSpin.setValue(2.000000000000000)

        self.lengthLayout.addWidget(self.amountSpin)

        self.unitCombo = QComboBox(StudyEditDialog)
        self.unitCombo.setObjectName(u"unitCombo")

        self.lengthLayout.addWidget(self.unitCombo)

        self.hoursLabel = QLabel(StudyEditDialog)
        self.hoursLabel.setObjectName(u"hoursLabel")

        self.lengthLayout.addWidget(self.hoursLabel)

        self.lengthSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.lengthLayout.addItem(self.lengthSpacer)


        self.formLayout.setLayout(5, QFormLayout.ItemRole.FieldRole, self.lengthLayout)

        self.materialsLabel = QLabel(StudyEditDialog)
        self.materialsLabel.setObjectName(u"materialsLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.materialsLabel)

        self.materialsEdit = QLineEdit(StudyEditDialog)
        self.materialsEdit.setObjectName(u"materialsEdit")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.materialsEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.participantsBar = QHBoxLayout()
        self.participantsBar.setObjectName(u"participantsBar")
        self.participantsLabel = QLabel(StudyEditDialog)
        self.participantsLabel.setObjectName(u"participantsLabel")

        self.participantsBar.addWidget(self.participantsLabel)

        self.countLabel = QLabel(StudyEditDialog)
        self.countLabel.setObjectName(u"countLabel")
        self.countLabel.setWordWrap(True)

        self.participantsBar.addWidget(self.countLabel)

        self.participantsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.participantsBar.addItem(self.participantsSpacer)

        self.allButton = QPushButton(StudyEditDialog)
        self.allButton.setObjectName(u"allButton")
        self.allButton.setAutoDefault(False)

        self.participantsBar.addWidget(self.allButton)

        self.noneButton = QPushButton(StudyEditDialog)
        self.noneButton.setObjectName(u"noneButton")
        self.noneButton.setAutoDefault(False)

        self.participantsBar.addWidget(self.noneButton)


        self.mainLayout.addLayout(self.participantsBar)

        self.participantList = QListWidget(StudyEditDialog)
        self.participantList.setObjectName(u"participantList")
        self.participantList.setUniformItemSizes(False)
        self.participantList.setFlow(QListView.Flow.LeftToRight)
        self.participantList.setProperty(u"isWrapping", True)
        self.participantList.setResizeMode(QListView.ResizeMode.Adjust)

        self.mainLayout.addWidget(self.participantList)

        self.errorLabel = QLabel(StudyEditDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(StudyEditDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.formLabel.setBuddy(self.formCombo)
        self.topicLabel.setBuddy(self.topicEdit)
        self.startLabel.setBuddy(self.startEdit)
        self.endLabel.setBuddy(self.endEdit)
        self.organiserLabel.setBuddy(self.organiserEdit)
        self.lengthLabel.setBuddy(self.amountSpin)
        self.materialsLabel.setBuddy(self.materialsEdit)
        self.participantsLabel.setBuddy(self.participantList)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(StudyEditDialog)

        QMetaObject.connectSlotsByName(StudyEditDialog)
    # setupUi

    def retranslateUi(self, StudyEditDialog):
        StudyEditDialog.setWindowTitle(QCoreApplication.translate("StudyEditDialog", u"Record a collective study", None))
        self.introLabel.setText(QCoreApplication.translate("StudyEditDialog", u"Record one study session and tick the members who took part; each is credited its hours in the year's ledger.", None))
        self.formLabel.setText(QCoreApplication.translate("StudyEditDialog", u"Form", None))
        self.topicLabel.setText(QCoreApplication.translate("StudyEditDialog", u"Topic *", None))
        self.startLabel.setText(QCoreApplication.translate("StudyEditDialog", u"Date *", None))
        self.endLabel.setText(QCoreApplication.translate("StudyEditDialog", u"to", None))
        self.organiserLabel.setText(QCoreApplication.translate("StudyEditDialog", u"Organiser or lecturer", None))
        self.lengthLabel.setText(QCoreApplication.translate("StudyEditDialog", u"Length", None))
        self.materialsLabel.setText(QCoreApplication.translate("StudyEditDialog", u"Materials", None))
        self.participantsLabel.setText(QCoreApplication.translate("StudyEditDialog", u"Participants", None))
        self.allButton.setText(QCoreApplication.translate("StudyEditDialog", u"Select all", None))
        self.noneButton.setText(QCoreApplication.translate("StudyEditDialog", u"Select none", None))
    # retranslateUi

