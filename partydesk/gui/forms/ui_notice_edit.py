# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'notice_edit.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDialog,
    QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_NoticeEditDialog(object):
    def setupUi(self, NoticeEditDialog):
        if not NoticeEditDialog.objectName():
            NoticeEditDialog.setObjectName(u"NoticeEditDialog")
        self.mainLayout = QVBoxLayout(NoticeEditDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(NoticeEditDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.titleLabel = QLabel(NoticeEditDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(NoticeEditDialog)
        self.titleEdit.setObjectName(u"titleEdit")
        self.titleEdit.setMaxLength(200)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.issuerLabel = QLabel(NoticeEditDialog)
        self.issuerLabel.setObjectName(u"issuerLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.issuerLabel)

        self.issuerEdit = QLineEdit(NoticeEditDialog)
        self.issuerEdit.setObjectName(u"issuerEdit")
        self.issuerEdit.setMaxLength(200)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.issuerEdit)

        self.deadlineLabel = QLabel(NoticeEditDialog)
        self.deadlineLabel.setObjectName(u"deadlineLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.deadlineLabel)

        self.deadlineEdit = QLineEdit(NoticeEditDialog)
        self.deadlineEdit.setObjectName(u"deadlineEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.deadlineEdit)

        self.bodyLabel = QLabel(NoticeEditDialog)
        self.bodyLabel.setObjectName(u"bodyLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.bodyLabel)

        self.bodyEdit = QPlainTextEdit(NoticeEditDialog)
        self.bodyEdit.setObjectName(u"bodyEdit")
        self.bodyEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.bodyEdit)

        self.filesLabel = QLabel(NoticeEditDialog)
        self.filesLabel.setObjectName(u"filesLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.filesLabel)

        self.filesLayout = QHBoxLayout()
        self.filesLayout.setObjectName(u"filesLayout")
        self.filesList = QListWidget(NoticeEditDialog)
        self.filesList.setObjectName(u"filesList")

        self.filesLayout.addWidget(self.filesList)

        self.fileButtons = QVBoxLayout()
        self.fileButtons.setObjectName(u"fileButtons")
        self.addFileButton = QPushButton(NoticeEditDialog)
        self.addFileButton.setObjectName(u"addFileButton")
        self.addFileButton.setAutoDefault(False)

        self.fileButtons.addWidget(self.addFileButton)

        self.removeFileButton = QPushButton(NoticeEditDialog)
        self.removeFileButton.setObjectName(u"removeFileButton")
        self.removeFileButton.setAutoDefault(False)

        self.fileButtons.addWidget(self.removeFileButton)

        self.fileSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.fileButtons.addItem(self.fileSpacer)


        self.filesLayout.addLayout(self.fileButtons)


        self.formLayout.setLayout(4, QFormLayout.ItemRole.FieldRole, self.filesLayout)

        self.targetsLabel = QLabel(NoticeEditDialog)
        self.targetsLabel.setObjectName(u"targetsLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.targetsLabel)

        self.targetsLayout = QVBoxLayout()
        self.targetsLayout.setObjectName(u"targetsLayout")
        self.allCheck = QCheckBox(NoticeEditDialog)
        self.allCheck.setObjectName(u"allCheck")
        self.allCheck.setChecked(True)

        self.targetsLayout.addWidget(self.allCheck)

        self.targetList = QListWidget(NoticeEditDialog)
        self.targetList.setObjectName(u"targetList")

        self.targetsLayout.addWidget(self.targetList)


        self.formLayout.setLayout(5, QFormLayout.ItemRole.FieldRole, self.targetsLayout)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(NoticeEditDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(NoticeEditDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.titleLabel.setBuddy(self.titleEdit)
        self.issuerLabel.setBuddy(self.issuerEdit)
        self.deadlineLabel.setBuddy(self.deadlineEdit)
        self.bodyLabel.setBuddy(self.bodyEdit)
        self.filesLabel.setBuddy(self.filesList)
        self.targetsLabel.setBuddy(self.targetList)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(NoticeEditDialog)

        QMetaObject.connectSlotsByName(NoticeEditDialog)
    # setupUi

    def retranslateUi(self, NoticeEditDialog):
        NoticeEditDialog.setWindowTitle(QCoreApplication.translate("NoticeEditDialog", u"Write a notice", None))
        self.introLabel.setText(QCoreApplication.translate("NoticeEditDialog", u"The notice and its files go to the branches ticked below with the next package written for each of them. Branches receive it read-only.", None))
        self.titleLabel.setText(QCoreApplication.translate("NoticeEditDialog", u"Title *", None))
        self.issuerLabel.setText(QCoreApplication.translate("NoticeEditDialog", u"Issued by", None))
        self.deadlineLabel.setText(QCoreApplication.translate("NoticeEditDialog", u"To be done by", None))
        self.bodyLabel.setText(QCoreApplication.translate("NoticeEditDialog", u"Text", None))
        self.filesLabel.setText(QCoreApplication.translate("NoticeEditDialog", u"Files", None))
        self.addFileButton.setText(QCoreApplication.translate("NoticeEditDialog", u"Add\u2026", None))
        self.removeFileButton.setText(QCoreApplication.translate("NoticeEditDialog", u"Remove", None))
        self.targetsLabel.setText(QCoreApplication.translate("NoticeEditDialog", u"Send to *", None))
        self.allCheck.setText(QCoreApplication.translate("NoticeEditDialog", u"All registered branches", None))
    # retranslateUi

