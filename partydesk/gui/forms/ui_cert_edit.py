# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'cert_edit.ui'
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
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_CertEditDialog(object):
    def setupUi(self, CertEditDialog):
        if not CertEditDialog.objectName():
            CertEditDialog.setObjectName(u"CertEditDialog")
        self.mainLayout = QVBoxLayout(CertEditDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(CertEditDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.memberLabel = QLabel(CertEditDialog)
        self.memberLabel.setObjectName(u"memberLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.memberLabel)

        self.memberCombo = QComboBox(CertEditDialog)
        self.memberCombo.setObjectName(u"memberCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.memberCombo)

        self.nameLabel = QLabel(CertEditDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(CertEditDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(200)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.issuerLabel = QLabel(CertEditDialog)
        self.issuerLabel.setObjectName(u"issuerLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.issuerLabel)

        self.issuerEdit = QLineEdit(CertEditDialog)
        self.issuerEdit.setObjectName(u"issuerEdit")
        self.issuerEdit.setMaxLength(200)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.issuerEdit)

        self.obtainedLabel = QLabel(CertEditDialog)
        self.obtainedLabel.setObjectName(u"obtainedLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.obtainedLabel)

        self.obtainedEdit = QLineEdit(CertEditDialog)
        self.obtainedEdit.setObjectName(u"obtainedEdit")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.obtainedEdit)

        self.expiresLabel = QLabel(CertEditDialog)
        self.expiresLabel.setObjectName(u"expiresLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.expiresLabel)

        self.expiresEdit = QLineEdit(CertEditDialog)
        self.expiresEdit.setObjectName(u"expiresEdit")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.expiresEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(CertEditDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(CertEditDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.memberLabel.setBuddy(self.memberCombo)
        self.nameLabel.setBuddy(self.nameEdit)
        self.issuerLabel.setBuddy(self.issuerEdit)
        self.obtainedLabel.setBuddy(self.obtainedEdit)
        self.expiresLabel.setBuddy(self.expiresEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CertEditDialog)

        QMetaObject.connectSlotsByName(CertEditDialog)
    # setupUi

    def retranslateUi(self, CertEditDialog):
        CertEditDialog.setWindowTitle(QCoreApplication.translate("CertEditDialog", u"Add a certification", None))
        self.introLabel.setText(QCoreApplication.translate("CertEditDialog", u"Record a member's certification or professional qualification. Leave the expiry empty when it does not expire; the to-do list reminds you before one expires.", None))
        self.memberLabel.setText(QCoreApplication.translate("CertEditDialog", u"Member *", None))
        self.nameLabel.setText(QCoreApplication.translate("CertEditDialog", u"Certification or qualification *", None))
        self.issuerLabel.setText(QCoreApplication.translate("CertEditDialog", u"Issued by", None))
        self.obtainedLabel.setText(QCoreApplication.translate("CertEditDialog", u"Obtained on", None))
        self.expiresLabel.setText(QCoreApplication.translate("CertEditDialog", u"Valid until", None))
    # retranslateUi

