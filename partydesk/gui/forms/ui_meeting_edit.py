# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'meeting_edit.ui'
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
    QDialogButtonBox, QFormLayout, QFrame, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QTabWidget, QTableView, QTextEdit,
    QToolButton, QVBoxLayout, QWidget)

class Ui_MeetingDialog(object):
    def setupUi(self, MeetingDialog):
        if not MeetingDialog.objectName():
            MeetingDialog.setObjectName(u"MeetingDialog")
        self.mainLayout = QVBoxLayout(MeetingDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.draftBar = QFrame(MeetingDialog)
        self.draftBar.setObjectName(u"draftBar")
        self.draftBar.setFrameShape(QFrame.Shape.StyledPanel)
        self.draftBarLayout = QHBoxLayout(self.draftBar)
        self.draftBarLayout.setObjectName(u"draftBarLayout")
        self.draftLabel = QLabel(self.draftBar)
        self.draftLabel.setObjectName(u"draftLabel")
        self.draftLabel.setWordWrap(True)

        self.draftBarLayout.addWidget(self.draftLabel)

        self.restoreDraftButton = QPushButton(self.draftBar)
        self.restoreDraftButton.setObjectName(u"restoreDraftButton")

        self.draftBarLayout.addWidget(self.restoreDraftButton)

        self.discardDraftButton = QPushButton(self.draftBar)
        self.discardDraftButton.setObjectName(u"discardDraftButton")

        self.draftBarLayout.addWidget(self.discardDraftButton)


        self.mainLayout.addWidget(self.draftBar)

        self.tabs = QTabWidget(MeetingDialog)
        self.tabs.setObjectName(u"tabs")
        self.basicsTab = QWidget()
        self.basicsTab.setObjectName(u"basicsTab")
        self.basicsLayout = QVBoxLayout(self.basicsTab)
        self.basicsLayout.setObjectName(u"basicsLayout")
        self.basicsForm = QFormLayout()
        self.basicsForm.setObjectName(u"basicsForm")
        self.typeLabel = QLabel(self.basicsTab)
        self.typeLabel.setObjectName(u"typeLabel")

        self.basicsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.typeLabel)

        self.typeCombo = QComboBox(self.basicsTab)
        self.typeCombo.setObjectName(u"typeCombo")

        self.basicsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.typeCombo)

        self.topicLabel = QLabel(self.basicsTab)
        self.topicLabel.setObjectName(u"topicLabel")

        self.basicsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.topicLabel)

        self.topicEdit = QLineEdit(self.basicsTab)
        self.topicEdit.setObjectName(u"topicEdit")

        self.basicsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.topicEdit)

        self.heldOnLabel = QLabel(self.basicsTab)
        self.heldOnLabel.setObjectName(u"heldOnLabel")

        self.basicsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.heldOnLabel)

        self.heldOnEdit = QLineEdit(self.basicsTab)
        self.heldOnEdit.setObjectName(u"heldOnEdit")

        self.basicsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.heldOnEdit)

        self.timeLabel = QLabel(self.basicsTab)
        self.timeLabel.setObjectName(u"timeLabel")

        self.basicsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.timeLabel)

        self.timeBox = QHBoxLayout()
        self.timeBox.setObjectName(u"timeBox")
        self.startTimeEdit = QLineEdit(self.basicsTab)
        self.startTimeEdit.setObjectName(u"startTimeEdit")

        self.timeBox.addWidget(self.startTimeEdit)

        self.timeToLabel = QLabel(self.basicsTab)
        self.timeToLabel.setObjectName(u"timeToLabel")

        self.timeBox.addWidget(self.timeToLabel)

        self.endTimeEdit = QLineEdit(self.basicsTab)
        self.endTimeEdit.setObjectName(u"endTimeEdit")

        self.timeBox.addWidget(self.endTimeEdit)

        self.timeStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.timeBox.addItem(self.timeStretch)


        self.basicsForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.timeBox)

        self.placeLabel = QLabel(self.basicsTab)
        self.placeLabel.setObjectName(u"placeLabel")

        self.basicsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.placeLabel)

        self.placeEdit = QLineEdit(self.basicsTab)
        self.placeEdit.setObjectName(u"placeEdit")

        self.basicsForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.placeEdit)

        self.chairLabel = QLabel(self.basicsTab)
        self.chairLabel.setObjectName(u"chairLabel")

        self.basicsForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.chairLabel)

        self.chairEdit = QLineEdit(self.basicsTab)
        self.chairEdit.setObjectName(u"chairEdit")

        self.basicsForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.chairEdit)

        self.recorderLabel = QLabel(self.basicsTab)
        self.recorderLabel.setObjectName(u"recorderLabel")

        self.basicsForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.recorderLabel)

        self.recorderEdit = QLineEdit(self.basicsTab)
        self.recorderEdit.setObjectName(u"recorderEdit")

        self.basicsForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.recorderEdit)

        self.lecturerLabel = QLabel(self.basicsTab)
        self.lecturerLabel.setObjectName(u"lecturerLabel")

        self.basicsForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.lecturerLabel)

        self.lecturerEdit = QLineEdit(self.basicsTab)
        self.lecturerEdit.setObjectName(u"lecturerEdit")

        self.basicsForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.lecturerEdit)

        self.partyGroupLabel = QLabel(self.basicsTab)
        self.partyGroupLabel.setObjectName(u"partyGroupLabel")

        self.basicsForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.partyGroupLabel)

        self.partyGroupCombo = QComboBox(self.basicsTab)
        self.partyGroupCombo.setObjectName(u"partyGroupCombo")
        self.partyGroupCombo.setEditable(True)

        self.basicsForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.partyGroupCombo)


        self.basicsLayout.addLayout(self.basicsForm)

        self.templateLabel = QLabel(self.basicsTab)
        self.templateLabel.setObjectName(u"templateLabel")
        self.templateLabel.setWordWrap(True)

        self.basicsLayout.addWidget(self.templateLabel)

        self.basicsStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.basicsLayout.addItem(self.basicsStretch)

        self.tabs.addTab(self.basicsTab, "")
        self.attendanceTab = QWidget()
        self.attendanceTab.setObjectName(u"attendanceTab")
        self.attendanceLayout = QVBoxLayout(self.attendanceTab)
        self.attendanceLayout.setObjectName(u"attendanceLayout")
        self.attendanceLayout.setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.attendanceTab, "")
        self.agendaTab = QWidget()
        self.agendaTab.setObjectName(u"agendaTab")
        self.agendaTabLayout = QVBoxLayout(self.agendaTab)
        self.agendaTabLayout.setObjectName(u"agendaTabLayout")
        self.agendaTabIntro = QLabel(self.agendaTab)
        self.agendaTabIntro.setObjectName(u"agendaTabIntro")
        self.agendaTabIntro.setWordWrap(True)

        self.agendaTabLayout.addWidget(self.agendaTabIntro)

        self.agendaView = QTableView(self.agendaTab)
        self.agendaView.setObjectName(u"agendaView")

        self.agendaTabLayout.addWidget(self.agendaView)

        self.agendaTabButtons = QHBoxLayout()
        self.agendaTabButtons.setObjectName(u"agendaTabButtons")
        self.addAgendaButton = QPushButton(self.agendaTab)
        self.addAgendaButton.setObjectName(u"addAgendaButton")

        self.agendaTabButtons.addWidget(self.addAgendaButton)

        self.removeAgendaButton = QPushButton(self.agendaTab)
        self.removeAgendaButton.setObjectName(u"removeAgendaButton")

        self.agendaTabButtons.addWidget(self.removeAgendaButton)

        self.agendaUpButton = QPushButton(self.agendaTab)
        self.agendaUpButton.setObjectName(u"agendaUpButton")

        self.agendaTabButtons.addWidget(self.agendaUpButton)

        self.agendaDownButton = QPushButton(self.agendaTab)
        self.agendaDownButton.setObjectName(u"agendaDownButton")

        self.agendaTabButtons.addWidget(self.agendaDownButton)

        self.agendaTabButtonStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.agendaTabButtons.addItem(self.agendaTabButtonStretch)


        self.agendaTabLayout.addLayout(self.agendaTabButtons)

        self.tabs.addTab(self.agendaTab, "")
        self.bodyTab = QWidget()
        self.bodyTab.setObjectName(u"bodyTab")
        self.bodyLayout = QVBoxLayout(self.bodyTab)
        self.bodyLayout.setObjectName(u"bodyLayout")
        self.bodyTools = QHBoxLayout()
        self.bodyTools.setObjectName(u"bodyTools")
        self.boldButton = QToolButton(self.bodyTab)
        self.boldButton.setObjectName(u"boldButton")
        self.boldButton.setCheckable(True)

        self.bodyTools.addWidget(self.boldButton)

        self.listButton = QToolButton(self.bodyTab)
        self.listButton.setObjectName(u"listButton")
        self.listButton.setCheckable(True)

        self.bodyTools.addWidget(self.listButton)

        self.bodyToolsStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.bodyTools.addItem(self.bodyToolsStretch)


        self.bodyLayout.addLayout(self.bodyTools)

        self.bodyEdit = QTextEdit(self.bodyTab)
        self.bodyEdit.setObjectName(u"bodyEdit")
        self.bodyEdit.setTabChangesFocus(True)
        self.bodyEdit.setAcceptRichText(False)

        self.bodyLayout.addWidget(self.bodyEdit)

        self.tabs.addTab(self.bodyTab, "")
        self.motionsTab = QWidget()
        self.motionsTab.setObjectName(u"motionsTab")
        self.motionsTabLayout = QVBoxLayout(self.motionsTab)
        self.motionsTabLayout.setObjectName(u"motionsTabLayout")
        self.motionsTabIntro = QLabel(self.motionsTab)
        self.motionsTabIntro.setObjectName(u"motionsTabIntro")
        self.motionsTabIntro.setWordWrap(True)

        self.motionsTabLayout.addWidget(self.motionsTabIntro)

        self.motionsView = QTableView(self.motionsTab)
        self.motionsView.setObjectName(u"motionsView")

        self.motionsTabLayout.addWidget(self.motionsView)

        self.motionsTabButtons = QHBoxLayout()
        self.motionsTabButtons.setObjectName(u"motionsTabButtons")
        self.addMotionButton = QPushButton(self.motionsTab)
        self.addMotionButton.setObjectName(u"addMotionButton")

        self.motionsTabButtons.addWidget(self.addMotionButton)

        self.removeMotionButton = QPushButton(self.motionsTab)
        self.removeMotionButton.setObjectName(u"removeMotionButton")

        self.motionsTabButtons.addWidget(self.removeMotionButton)

        self.motionsTabButtonStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.motionsTabButtons.addItem(self.motionsTabButtonStretch)


        self.motionsTabLayout.addLayout(self.motionsTabButtons)

        self.tabs.addTab(self.motionsTab, "")
        self.decisionsTab = QWidget()
        self.decisionsTab.setObjectName(u"decisionsTab")
        self.decisionsLayout = QVBoxLayout(self.decisionsTab)
        self.decisionsLayout.setObjectName(u"decisionsLayout")
        self.decisionsIntro = QLabel(self.decisionsTab)
        self.decisionsIntro.setObjectName(u"decisionsIntro")
        self.decisionsIntro.setWordWrap(True)

        self.decisionsLayout.addWidget(self.decisionsIntro)

        self.decisionsEdit = QPlainTextEdit(self.decisionsTab)
        self.decisionsEdit.setObjectName(u"decisionsEdit")
        self.decisionsEdit.setTabChangesFocus(True)

        self.decisionsLayout.addWidget(self.decisionsEdit)

        self.tabs.addTab(self.decisionsTab, "")
        self.attachmentsTab = QWidget()
        self.attachmentsTab.setObjectName(u"attachmentsTab")
        self.attachmentsLayout = QVBoxLayout(self.attachmentsTab)
        self.attachmentsLayout.setObjectName(u"attachmentsLayout")
        self.attachmentsIntro = QLabel(self.attachmentsTab)
        self.attachmentsIntro.setObjectName(u"attachmentsIntro")
        self.attachmentsIntro.setWordWrap(True)

        self.attachmentsLayout.addWidget(self.attachmentsIntro)

        self.attachmentList = QListWidget(self.attachmentsTab)
        self.attachmentList.setObjectName(u"attachmentList")

        self.attachmentsLayout.addWidget(self.attachmentList)

        self.attachmentButtons = QHBoxLayout()
        self.attachmentButtons.setObjectName(u"attachmentButtons")
        self.addAttachmentButton = QPushButton(self.attachmentsTab)
        self.addAttachmentButton.setObjectName(u"addAttachmentButton")

        self.attachmentButtons.addWidget(self.addAttachmentButton)

        self.openAttachmentButton = QPushButton(self.attachmentsTab)
        self.openAttachmentButton.setObjectName(u"openAttachmentButton")

        self.attachmentButtons.addWidget(self.openAttachmentButton)

        self.removeAttachmentButton = QPushButton(self.attachmentsTab)
        self.removeAttachmentButton.setObjectName(u"removeAttachmentButton")

        self.attachmentButtons.addWidget(self.removeAttachmentButton)

        self.attachmentStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.attachmentButtons.addItem(self.attachmentStretch)


        self.attachmentsLayout.addLayout(self.attachmentButtons)

        self.tabs.addTab(self.attachmentsTab, "")

        self.mainLayout.addWidget(self.tabs)

        self.errorLabel = QLabel(MeetingDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.bottomBox = QHBoxLayout()
        self.bottomBox.setObjectName(u"bottomBox")
        self.draftStatusLabel = QLabel(MeetingDialog)
        self.draftStatusLabel.setObjectName(u"draftStatusLabel")

        self.bottomBox.addWidget(self.draftStatusLabel)

        self.buttonBox = QDialogButtonBox(MeetingDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.bottomBox.addWidget(self.buttonBox)


        self.mainLayout.addLayout(self.bottomBox)

#if QT_CONFIG(shortcut)
        self.typeLabel.setBuddy(self.typeCombo)
        self.topicLabel.setBuddy(self.topicEdit)
        self.heldOnLabel.setBuddy(self.heldOnEdit)
        self.timeLabel.setBuddy(self.startTimeEdit)
        self.placeLabel.setBuddy(self.placeEdit)
        self.chairLabel.setBuddy(self.chairEdit)
        self.recorderLabel.setBuddy(self.recorderEdit)
        self.lecturerLabel.setBuddy(self.lecturerEdit)
        self.partyGroupLabel.setBuddy(self.partyGroupCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(MeetingDialog)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(MeetingDialog)
    # setupUi

    def retranslateUi(self, MeetingDialog):
        MeetingDialog.setWindowTitle(QCoreApplication.translate("MeetingDialog", u"Meeting record", None))
        self.restoreDraftButton.setText(QCoreApplication.translate("MeetingDialog", u"Restore", None))
        self.discardDraftButton.setText(QCoreApplication.translate("MeetingDialog", u"Discard", None))
        self.typeLabel.setText(QCoreApplication.translate("MeetingDialog", u"Meeting type:", None))
        self.topicLabel.setText(QCoreApplication.translate("MeetingDialog", u"Topic:", None))
        self.topicEdit.setPlaceholderText(QCoreApplication.translate("MeetingDialog", u"What the meeting was about", None))
        self.heldOnLabel.setText(QCoreApplication.translate("MeetingDialog", u"Date:", None))
        self.timeLabel.setText(QCoreApplication.translate("MeetingDialog", u"Time:", None))
        self.startTimeEdit.setPlaceholderText(QCoreApplication.translate("MeetingDialog", u"14:30", None))
        self.timeToLabel.setText(QCoreApplication.translate("MeetingDialog", u"to", None))
        self.endTimeEdit.setPlaceholderText(QCoreApplication.translate("MeetingDialog", u"16:00", None))
        self.placeLabel.setText(QCoreApplication.translate("MeetingDialog", u"Place:", None))
        self.chairLabel.setText(QCoreApplication.translate("MeetingDialog", u"Chair:", None))
        self.recorderLabel.setText(QCoreApplication.translate("MeetingDialog", u"Recorder:", None))
        self.lecturerLabel.setText(QCoreApplication.translate("MeetingDialog", u"Lecturer:", None))
        self.partyGroupLabel.setText(QCoreApplication.translate("MeetingDialog", u"Party group:", None))
        self.templateLabel.setText(QCoreApplication.translate("MeetingDialog", u"A new record starts from the usual agenda and outline of its type.", None))
        self.tabs.setTabText(self.tabs.indexOf(self.basicsTab), QCoreApplication.translate("MeetingDialog", u"Basics", None))
        self.tabs.setTabText(self.tabs.indexOf(self.attendanceTab), QCoreApplication.translate("MeetingDialog", u"Attendance", None))
        self.agendaTabIntro.setText(QCoreApplication.translate("MeetingDialog", u"One line per item, in the order taken. Double-click an item to change it.", None))
        self.addAgendaButton.setText(QCoreApplication.translate("MeetingDialog", u"Add item", None))
        self.removeAgendaButton.setText(QCoreApplication.translate("MeetingDialog", u"Remove item", None))
        self.agendaUpButton.setText(QCoreApplication.translate("MeetingDialog", u"Move up", None))
        self.agendaDownButton.setText(QCoreApplication.translate("MeetingDialog", u"Move down", None))
        self.tabs.setTabText(self.tabs.indexOf(self.agendaTab), QCoreApplication.translate("MeetingDialog", u"Agenda", None))
        self.boldButton.setText(QCoreApplication.translate("MeetingDialog", u"Bold", None))
#if QT_CONFIG(tooltip)
        self.boldButton.setToolTip(QCoreApplication.translate("MeetingDialog", u"Bold (Ctrl+B)", None))
#endif // QT_CONFIG(tooltip)
        self.listButton.setText(QCoreApplication.translate("MeetingDialog", u"List", None))
#if QT_CONFIG(tooltip)
        self.listButton.setToolTip(QCoreApplication.translate("MeetingDialog", u"Bulleted list", None))
#endif // QT_CONFIG(tooltip)
        self.tabs.setTabText(self.tabs.indexOf(self.bodyTab), QCoreApplication.translate("MeetingDialog", u"Minutes", None))
        self.motionsTabIntro.setText(QCoreApplication.translate("MeetingDialog", u"Each matter put to the vote and the votes cast. Whether it passed follows the rule in Settings.", None))
        self.addMotionButton.setText(QCoreApplication.translate("MeetingDialog", u"Add motion", None))
        self.removeMotionButton.setText(QCoreApplication.translate("MeetingDialog", u"Remove motion", None))
        self.tabs.setTabText(self.tabs.indexOf(self.motionsTab), QCoreApplication.translate("MeetingDialog", u"Votes", None))
        self.decisionsIntro.setText(QCoreApplication.translate("MeetingDialog", u"What the meeting decided, one decision per line.", None))
        self.tabs.setTabText(self.tabs.indexOf(self.decisionsTab), QCoreApplication.translate("MeetingDialog", u"Decisions", None))
        self.attachmentsIntro.setText(QCoreApplication.translate("MeetingDialog", u"Photos and scanned sign-in sheets (optional). Each file is kept once, however often it is attached.", None))
        self.addAttachmentButton.setText(QCoreApplication.translate("MeetingDialog", u"Add files\u2026", None))
        self.openAttachmentButton.setText(QCoreApplication.translate("MeetingDialog", u"Open", None))
        self.removeAttachmentButton.setText(QCoreApplication.translate("MeetingDialog", u"Remove", None))
        self.tabs.setTabText(self.tabs.indexOf(self.attachmentsTab), QCoreApplication.translate("MeetingDialog", u"Attachments", None))
    # retranslateUi

