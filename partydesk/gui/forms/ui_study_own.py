# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'study_own.ui'
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
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_StudyOwnDialog(object):
    def setupUi(self, StudyOwnDialog):
        if not StudyOwnDialog.objectName():
            StudyOwnDialog.setObjectName(u"StudyOwnDialog")
        self.mainLayout = QVBoxLayout(StudyOwnDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(StudyOwnDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.memberLabel = QLabel(StudyOwnDialog)
        self.memberLabel.setObjectName(u"memberLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.memberLabel)

        self.memberCombo = QComboBox(StudyOwnDialog)
        self.memberCombo.setObjectName(u"memberCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.memberCombo)

        self.formLabel = QLabel(StudyOwnDialog)
        self.formLabel.setObjectName(u"formLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.formLabel)

        self.formCombo = QComboBox(StudyOwnDialog)
        self.formCombo.setObjectName(u"formCombo")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.formCombo)

        self.topicLabel = QLabel(StudyOwnDialog)
        self.topicLabel.setObjectName(u"topicLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.topicLabel)

        self.topicEdit = QLineEdit(StudyOwnDialog)
        self.topicEdit.setObjectName(u"topicEdit")
        self.topicEdit.setMaxLength(200)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.topicEdit)

        self.dateLabel = QLabel(StudyOwnDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = QLineEdit(StudyOwnDialog)
        self.dateEdit.setObjectName(u"dateEdit")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.organiserLabel = QLabel(StudyOwnDialog)
        self.organiserLabel.setObjectName(u"organiserLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.organiserLabel)

        self.organiserEdit = QLineEdit(StudyOwnDialog)
        self.organiserEdit.setObjectName(u"organiserEdit")
        self.organiserEdit.setMaxLength(200)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.organiserEdit)

        self.hoursLabel = QLabel(StudyOwnDialog)
        self.hoursLabel.setObjectName(u"hoursLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.hoursLabel)

        self.hoursSpin = QDoubleSpinBox(StudyOwnDialog)
        self.hoursSpin.setObjectName(u"hoursSpin")
        self.hoursSpin.setDecimals(1)
        self.hoursSpin.setMinimum(0.100000000000000)
        self.hoursSpin.setMaximum(500.000000000000000)
        self.hoursSpin.setSingleStep(0.500000000000000)
        self.hoursSpin.setValue(4.000000000000000)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.hoursSpin)

        self.evidenceLabel = QLabel(StudyOwnDialog)
        self.evidenceLabel.setObjectName(u"evidenceLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.evidenceLabel)

        self.evidenceLayout = QHBoxLayout()
        self.evidenceLayout.setObjectName(u"evidenceLayout")
        self.evidenceEdit = QLineEdit(StudyOwnDialog)
        self.evidenceEdit.setObjectName(u"evidenceEdit")

        self.evidenceLayout.addWidget(self.evidenceEdit)

        self.browseButton = QPushButton(StudyOwnDialog)
        self.browseButton.setObjectName(u"browseButton")
        self.browseButton.setAutoDefault(False)

        self.evidenceLayout.addWidget(self.browseButton)


        self.formLayout.setLayout(6, QFormLayout.ItemRole.FieldRole, self.evidenceLayout)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(StudyOwnDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(StudyOwnDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.memberLabel.setBuddy(self.memberCombo)
        self.formLabel.setBuddy(self.formCombo)
        self.topicLabel.setBuddy(self.topicEdit)
        self.dateLabel.setBuddy(self.dateEdit)
        self.organiserLabel.setBuddy(self.organiserEdit)
        self.hoursLabel.setBuddy(self.hoursSpin)
        self.evidenceLabel.setBuddy(self.evidenceEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(StudyOwnDialog)

        QMetaObject.connectSlotsByName(StudyOwnDialog)
    # setupUi

    def retranslateUi(self, StudyOwnDialog):
        StudyOwnDialog.setWindowTitle(QCoreApplication.translate("StudyOwnDialog", u"Record a member's own study", None))
        self.introLabel.setText(QCoreApplication.translate("StudyOwnDialog", u"A course or training a member took on their own (online course, external training, self-study). A certificate or other proof can be attached but is not required.", None))
        self.memberLabel.setText(QCoreApplication.translate("StudyOwnDialog", u"Member *", None))
        self.formLabel.setText(QCoreApplication.translate("StudyOwnDialog", u"Form", None))
        self.topicLabel.setText(QCoreApplication.translate("StudyOwnDialog", u"Course or topic *", None))
        self.dateLabel.setText(QCoreApplication.translate("StudyOwnDialog", u"Date *", None))
        self.organiserLabel.setText(QCoreApplication.translate("StudyOwnDialog", u"Held by", None))
        self.hoursLabel.setText(QCoreApplication.translate("StudyOwnDialog", u"Study hours", None))
        self.hoursSpin.setSuffix(QCoreApplication.translate("StudyOwnDialog", u" hours", None))
        self.evidenceLabel.setText(QCoreApplication.translate("StudyOwnDialog", u"Certificate or proof", None))
        self.browseButton.setText(QCoreApplication.translate("StudyOwnDialog", u"Choose\u2026", None))
    # retranslateUi

