# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'meeting_brief.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QCheckBox,
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
    QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_MeetingBriefDialog(object):
    def setupUi(self, MeetingBriefDialog):
        if not MeetingBriefDialog.objectName():
            MeetingBriefDialog.setObjectName(u"MeetingBriefDialog")
        self.mainLayout = QVBoxLayout(MeetingBriefDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(MeetingBriefDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.titleLabel = QLabel(MeetingBriefDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(MeetingBriefDialog)
        self.titleEdit.setObjectName(u"titleEdit")
        self.titleEdit.setMaxLength(100)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.dateLabel = QLabel(MeetingBriefDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = QDateEdit(MeetingBriefDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.summaryLabel = QLabel(MeetingBriefDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.summaryLabel)

        self.summaryEdit = QPlainTextEdit(MeetingBriefDialog)
        self.summaryEdit.setObjectName(u"summaryEdit")
        self.summaryEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.summaryEdit)

        self.photosLabel = QLabel(MeetingBriefDialog)
        self.photosLabel.setObjectName(u"photosLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.photosLabel)

        self.photosLayout = QVBoxLayout()
        self.photosLayout.setObjectName(u"photosLayout")
        self.photoList = QListWidget(MeetingBriefDialog)
        self.photoList.setObjectName(u"photoList")
        self.photoList.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)

        self.photosLayout.addWidget(self.photoList)

        self.photoButtons = QHBoxLayout()
        self.photoButtons.setObjectName(u"photoButtons")
        self.addPhotoButton = QPushButton(MeetingBriefDialog)
        self.addPhotoButton.setObjectName(u"addPhotoButton")

        self.photoButtons.addWidget(self.addPhotoButton)

        self.removePhotoButton = QPushButton(MeetingBriefDialog)
        self.removePhotoButton.setObjectName(u"removePhotoButton")

        self.photoButtons.addWidget(self.removePhotoButton)

        self.photoSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.photoButtons.addItem(self.photoSpacer)


        self.photosLayout.addLayout(self.photoButtons)


        self.formLayout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.photosLayout)

        self.namesCheck = QCheckBox(MeetingBriefDialog)
        self.namesCheck.setObjectName(u"namesCheck")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.namesCheck)

        self.namesLabel = QLabel(MeetingBriefDialog)
        self.namesLabel.setObjectName(u"namesLabel")
        self.namesLabel.setWordWrap(True)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.namesLabel)

        self.outputLabel = QLabel(MeetingBriefDialog)
        self.outputLabel.setObjectName(u"outputLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.outputLabel)

        self.outputLayout = QHBoxLayout()
        self.outputLayout.setObjectName(u"outputLayout")
        self.docxCheck = QCheckBox(MeetingBriefDialog)
        self.docxCheck.setObjectName(u"docxCheck")
        self.docxCheck.setChecked(True)

        self.outputLayout.addWidget(self.docxCheck)

        self.pngCheck = QCheckBox(MeetingBriefDialog)
        self.pngCheck.setObjectName(u"pngCheck")
        self.pngCheck.setChecked(True)

        self.outputLayout.addWidget(self.pngCheck)

        self.outputSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.outputLayout.addItem(self.outputSpacer)


        self.formLayout.setLayout(6, QFormLayout.ItemRole.FieldRole, self.outputLayout)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(MeetingBriefDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.statusLabel = QLabel(MeetingBriefDialog)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)
        self.statusLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.statusLabel)

        self.buttonBox = QDialogButtonBox(MeetingBriefDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.titleLabel.setBuddy(self.titleEdit)
        self.dateLabel.setBuddy(self.dateEdit)
        self.summaryLabel.setBuddy(self.summaryEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.titleEdit, self.dateEdit)
        QWidget.setTabOrder(self.dateEdit, self.summaryEdit)
        QWidget.setTabOrder(self.summaryEdit, self.photoList)
        QWidget.setTabOrder(self.photoList, self.addPhotoButton)
        QWidget.setTabOrder(self.addPhotoButton, self.removePhotoButton)
        QWidget.setTabOrder(self.removePhotoButton, self.namesCheck)
        QWidget.setTabOrder(self.namesCheck, self.docxCheck)
        QWidget.setTabOrder(self.docxCheck, self.pngCheck)

        self.retranslateUi(MeetingBriefDialog)

        QMetaObject.connectSlotsByName(MeetingBriefDialog)
    # setupUi

    def retranslateUi(self, MeetingBriefDialog):
        MeetingBriefDialog.setWindowTitle(QCoreApplication.translate("MeetingBriefDialog", u"Activity brief", None))
        self.introLabel.setText(QCoreApplication.translate("MeetingBriefDialog", u"A brief is for publishing (a WeChat public account, a notice board). It never carries ID or phone numbers; names appear only if you tick the box below.", None))
        self.titleLabel.setText(QCoreApplication.translate("MeetingBriefDialog", u"&Title", None))
        self.dateLabel.setText(QCoreApplication.translate("MeetingBriefDialog", u"&Date", None))
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("MeetingBriefDialog", u"yyyy-MM-dd", None))
        self.summaryLabel.setText(QCoreApplication.translate("MeetingBriefDialog", u"&Summary", None))
        self.photosLabel.setText(QCoreApplication.translate("MeetingBriefDialog", u"Photos", None))
        self.addPhotoButton.setText(QCoreApplication.translate("MeetingBriefDialog", u"&Add photos\u2026", None))
        self.removePhotoButton.setText(QCoreApplication.translate("MeetingBriefDialog", u"&Remove", None))
        self.namesCheck.setText(QCoreApplication.translate("MeetingBriefDialog", u"List the &names of those who attended", None))
        self.outputLabel.setText(QCoreApplication.translate("MeetingBriefDialog", u"Create", None))
        self.docxCheck.setText(QCoreApplication.translate("MeetingBriefDialog", u"&Word document (.docx)", None))
        self.pngCheck.setText(QCoreApplication.translate("MeetingBriefDialog", u"&Picture for a WeChat article (.png)", None))
    # retranslateUi

