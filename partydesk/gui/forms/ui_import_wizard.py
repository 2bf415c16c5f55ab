# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'import_wizard.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QDialog,
    QFrame, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QListWidget, QListWidgetItem, QPushButton,
    QSizePolicy, QSpacerItem, QSplitter, QStackedWidget,
    QTableView, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget)

class Ui_ImportWizardDialog(object):
    def setupUi(self, ImportWizardDialog):
        if not ImportWizardDialog.objectName():
            ImportWizardDialog.setObjectName(u"ImportWizardDialog")
        self.mainLayout = QVBoxLayout(ImportWizardDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.stepsLayout = QHBoxLayout()
        self.stepsLayout.setObjectName(u"stepsLayout")
        self.step1Label = QLabel(ImportWizardDialog)
        self.step1Label.setObjectName(u"step1Label")

        self.stepsLayout.addWidget(self.step1Label)

        self.arrow1Label = QLabel(ImportWizardDialog)
        self.arrow1Label.setObjectName(u"arrow1Label")
        self.arrow1Label.setText(u"\u2192")

        self.stepsLayout.addWidget(self.arrow1Label)

        self.step2Label = QLabel(ImportWizardDialog)
        self.step2Label.setObjectName(u"step2Label")

        self.stepsLayout.addWidget(self.step2Label)

        self.arrow2Label = QLabel(ImportWizardDialog)
        self.arrow2Label.setObjectName(u"arrow2Label")
        self.arrow2Label.setText(u"\u2192")

        self.stepsLayout.addWidget(self.arrow2Label)

        self.step3Label = QLabel(ImportWizardDialog)
        self.step3Label.setObjectName(u"step3Label")

        self.stepsLayout.addWidget(self.step3Label)

        self.stepsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.stepsLayout.addItem(self.stepsSpacer)


        self.mainLayout.addLayout(self.stepsLayout)

        self.stepsLine = QFrame(ImportWizardDialog)
        self.stepsLine.setObjectName(u"stepsLine")
        self.stepsLine.setFrameShape(QFrame.Shape.HLine)
        self.stepsLine.setFrameShadow(QFrame.Shadow.Sunken)

        self.mainLayout.addWidget(self.stepsLine)

        self.stack = QStackedWidget(ImportWizardDialog)
        self.stack.setObjectName(u"stack")
        self.filePage = QWidget()
        self.filePage.setObjectName(u"filePage")
        self.filePageLayout = QVBoxLayout(self.filePage)
        self.filePageLayout.setObjectName(u"filePageLayout")
        self.filePageLayout.setContentsMargins(0, 0, 0, 0)
        self.fileRow = QHBoxLayout()
        self.fileRow.setObjectName(u"fileRow")
        self.chooseButton = QPushButton(self.filePage)
        self.chooseButton.setObjectName(u"chooseButton")
        self.chooseButton.setAutoDefault(False)

        self.fileRow.addWidget(self.chooseButton)

        self.fileLabel = QLabel(self.filePage)
        self.fileLabel.setObjectName(u"fileLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.fileLabel.sizePolicy().hasHeightForWidth())
        self.fileLabel.setSizePolicy(sizePolicy)

        self.fileRow.addWidget(self.fileLabel)


        self.filePageLayout.addLayout(self.fileRow)

        self.factsLabel = QLabel(self.filePage)
        self.factsLabel.setObjectName(u"factsLabel")
        self.factsLabel.setWordWrap(True)

        self.filePageLayout.addWidget(self.factsLabel)

        self.fileWarningsLabel = QLabel(self.filePage)
        self.fileWarningsLabel.setObjectName(u"fileWarningsLabel")
        self.fileWarningsLabel.setWordWrap(True)

        self.filePageLayout.addWidget(self.fileWarningsLabel)

        self.fileErrorLabel = QLabel(self.filePage)
        self.fileErrorLabel.setObjectName(u"fileErrorLabel")
        self.fileErrorLabel.setWordWrap(True)
        self.fileErrorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.filePageLayout.addWidget(self.fileErrorLabel)

        self.fileSplitter = QSplitter(self.filePage)
        self.fileSplitter.setObjectName(u"fileSplitter")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(1)
        sizePolicy1.setHeightForWidth(self.fileSplitter.sizePolicy().hasHeightForWidth())
        self.fileSplitter.setSizePolicy(sizePolicy1)
        self.fileSplitter.setOrientation(Qt.Orientation.Horizontal)
        self.fileSplitter.setChildrenCollapsible(False)
        self.mappingGroup = QGroupBox(self.fileSplitter)
        self.mappingGroup.setObjectName(u"mappingGroup")
        self.mappingLayout = QVBoxLayout(self.mappingGroup)
        self.mappingLayout.setObjectName(u"mappingLayout")
        self.mappingHelp = QLabel(self.mappingGroup)
        self.mappingHelp.setObjectName(u"mappingHelp")
        self.mappingHelp.setWordWrap(True)

        self.mappingLayout.addWidget(self.mappingHelp)

        self.mappingTable = QTableWidget(self.mappingGroup)
        if (self.mappingTable.columnCount() < 3):
            self.mappingTable.setColumnCount(3)
        __qtablewidgetitem = QTableWidgetItem()
        self.mappingTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.mappingTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.mappingTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        self.mappingTable.setObjectName(u"mappingTable")
        self.mappingTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mappingTable.setTabKeyNavigation(False)
        self.mappingTable.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.mappingTable.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.mappingTable.horizontalHeader().setStretchLastSection(True)
        self.mappingTable.verticalHeader().setVisible(False)

        self.mappingLayout.addWidget(self.mappingTable)

        self.mappingErrorLabel = QLabel(self.mappingGroup)
        self.mappingErrorLabel.setObjectName(u"mappingErrorLabel")
        self.mappingErrorLabel.setWordWrap(True)

        self.mappingLayout.addWidget(self.mappingErrorLabel)

        self.requiredLabel = QLabel(self.mappingGroup)
        self.requiredLabel.setObjectName(u"requiredLabel")
        self.requiredLabel.setWordWrap(True)

        self.mappingLayout.addWidget(self.requiredLabel)

        self.fileSplitter.addWidget(self.mappingGroup)
        self.previewGroup = QGroupBox(self.fileSplitter)
        self.previewGroup.setObjectName(u"previewGroup")
        self.previewLayout = QVBoxLayout(self.previewGroup)
        self.previewLayout.setObjectName(u"previewLayout")
        self.previewTable = QTableWidget(self.previewGroup)
        self.previewTable.setObjectName(u"previewTable")
        self.previewTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.previewTable.setTabKeyNavigation(False)
        self.previewTable.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.previewTable.setWordWrap(False)

        self.previewLayout.addWidget(self.previewTable)

        self.previewNote = QLabel(self.previewGroup)
        self.previewNote.setObjectName(u"previewNote")
        self.previewNote.setWordWrap(True)

        self.previewLayout.addWidget(self.previewNote)

        self.fileSplitter.addWidget(self.previewGroup)

        self.filePageLayout.addWidget(self.fileSplitter)

        self.missingLabel = QLabel(self.filePage)
        self.missingLabel.setObjectName(u"missingLabel")
        self.missingLabel.setWordWrap(True)

        self.filePageLayout.addWidget(self.missingLabel)

        self.stack.addWidget(self.filePage)
        self.checkPage = QWidget()
        self.checkPage.setObjectName(u"checkPage")
        self.checkPageLayout = QVBoxLayout(self.checkPage)
        self.checkPageLayout.setObjectName(u"checkPageLayout")
        self.checkPageLayout.setContentsMargins(0, 0, 0, 0)
        self.countsLayout = QHBoxLayout()
        self.countsLayout.setObjectName(u"countsLayout")
        self.newLabel = QLabel(self.checkPage)
        self.newLabel.setObjectName(u"newLabel")

        self.countsLayout.addWidget(self.newLabel)

        self.updatedLabel = QLabel(self.checkPage)
        self.updatedLabel.setObjectName(u"updatedLabel")

        self.countsLayout.addWidget(self.updatedLabel)

        self.unchangedLabel = QLabel(self.checkPage)
        self.unchangedLabel.setObjectName(u"unchangedLabel")

        self.countsLayout.addWidget(self.unchangedLabel)

        self.rejectedLabel = QLabel(self.checkPage)
        self.rejectedLabel.setObjectName(u"rejectedLabel")

        self.countsLayout.addWidget(self.rejectedLabel)

        self.countsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.countsLayout.addItem(self.countsSpacer)


        self.checkPageLayout.addLayout(self.countsLayout)

        self.issuesGroup = QGroupBox(self.checkPage)
        self.issuesGroup.setObjectName(u"issuesGroup")
        sizePolicy2 = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        sizePolicy2.setHorizontalStretch(0)
        sizePolicy2.setVerticalStretch(1)
        sizePolicy2.setHeightForWidth(self.issuesGroup.sizePolicy().hasHeightForWidth())
        self.issuesGroup.setSizePolicy(sizePolicy2)
        self.issuesLayout = QVBoxLayout(self.issuesGroup)
        self.issuesLayout.setObjectName(u"issuesLayout")
        self.issuesTable = QTableView(self.issuesGroup)
        self.issuesTable.setObjectName(u"issuesTable")
        self.issuesTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.issuesTable.setTabKeyNavigation(False)
        self.issuesTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.issuesTable.setWordWrap(False)
        self.issuesTable.horizontalHeader().setStretchLastSection(True)
        self.issuesTable.verticalHeader().setVisible(False)

        self.issuesLayout.addWidget(self.issuesTable)

        self.rejectsRow = QHBoxLayout()
        self.rejectsRow.setObjectName(u"rejectsRow")
        self.saveRejectsButton = QPushButton(self.issuesGroup)
        self.saveRejectsButton.setObjectName(u"saveRejectsButton")
        self.saveRejectsButton.setAutoDefault(False)

        self.rejectsRow.addWidget(self.saveRejectsButton)

        self.rejectsHelp = QLabel(self.issuesGroup)
        self.rejectsHelp.setObjectName(u"rejectsHelp")
        sizePolicy.setHeightForWidth(self.rejectsHelp.sizePolicy().hasHeightForWidth())
        self.rejectsHelp.setSizePolicy(sizePolicy)
        self.rejectsHelp.setWordWrap(True)

        self.rejectsRow.addWidget(self.rejectsHelp)


        self.issuesLayout.addLayout(self.rejectsRow)


        self.checkPageLayout.addWidget(self.issuesGroup)

        self.skippedLabel = QLabel(self.checkPage)
        self.skippedLabel.setObjectName(u"skippedLabel")
        self.skippedLabel.setWordWrap(True)

        self.checkPageLayout.addWidget(self.skippedLabel)

        self.renamesGroup = QGroupBox(self.checkPage)
        self.renamesGroup.setObjectName(u"renamesGroup")
        self.renamesLayout = QVBoxLayout(self.renamesGroup)
        self.renamesLayout.setObjectName(u"renamesLayout")
        self.renamesHelp = QLabel(self.renamesGroup)
        self.renamesHelp.setObjectName(u"renamesHelp")
        self.renamesHelp.setWordWrap(True)

        self.renamesLayout.addWidget(self.renamesHelp)

        self.renamesList = QListWidget(self.renamesGroup)
        self.renamesList.setObjectName(u"renamesList")

        self.renamesLayout.addWidget(self.renamesList)


        self.checkPageLayout.addWidget(self.renamesGroup)

        self.skipCheck = QCheckBox(self.checkPage)
        self.skipCheck.setObjectName(u"skipCheck")

        self.checkPageLayout.addWidget(self.skipCheck)

        self.reasonLabel = QLabel(self.checkPage)
        self.reasonLabel.setObjectName(u"reasonLabel")
        self.reasonLabel.setWordWrap(True)

        self.checkPageLayout.addWidget(self.reasonLabel)

        self.checkStatusLabel = QLabel(self.checkPage)
        self.checkStatusLabel.setObjectName(u"checkStatusLabel")
        self.checkStatusLabel.setWordWrap(True)
        self.checkStatusLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.checkPageLayout.addWidget(self.checkStatusLabel)

        self.checkErrorLabel = QLabel(self.checkPage)
        self.checkErrorLabel.setObjectName(u"checkErrorLabel")
        self.checkErrorLabel.setWordWrap(True)
        self.checkErrorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.checkPageLayout.addWidget(self.checkErrorLabel)

        self.stack.addWidget(self.checkPage)
        self.donePage = QWidget()
        self.donePage.setObjectName(u"donePage")
        self.donePageLayout = QVBoxLayout(self.donePage)
        self.donePageLayout.setObjectName(u"donePageLayout")
        self.doneTitleLabel = QLabel(self.donePage)
        self.doneTitleLabel.setObjectName(u"doneTitleLabel")

        self.donePageLayout.addWidget(self.doneTitleLabel)

        self.doneCountsLabel = QLabel(self.donePage)
        self.doneCountsLabel.setObjectName(u"doneCountsLabel")

        self.donePageLayout.addWidget(self.doneCountsLabel)

        self.doneSkippedLabel = QLabel(self.donePage)
        self.doneSkippedLabel.setObjectName(u"doneSkippedLabel")
        self.doneSkippedLabel.setWordWrap(True)

        self.donePageLayout.addWidget(self.doneSkippedLabel)

        self.backupLabel = QLabel(self.donePage)
        self.backupLabel.setObjectName(u"backupLabel")
        self.backupLabel.setWordWrap(True)

        self.donePageLayout.addWidget(self.backupLabel)

        self.backupPathLabel = QLabel(self.donePage)
        self.backupPathLabel.setObjectName(u"backupPathLabel")
        self.backupPathLabel.setWordWrap(True)
        self.backupPathLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.donePageLayout.addWidget(self.backupPathLabel)

        self.doneHintLabel = QLabel(self.donePage)
        self.doneHintLabel.setObjectName(u"doneHintLabel")
        self.doneHintLabel.setWordWrap(True)

        self.donePageLayout.addWidget(self.doneHintLabel)

        self.doneSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.donePageLayout.addItem(self.doneSpacer)

        self.stack.addWidget(self.donePage)

        self.mainLayout.addWidget(self.stack)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.busyLabel = QLabel(ImportWizardDialog)
        self.busyLabel.setObjectName(u"busyLabel")
        sizePolicy.setHeightForWidth(self.busyLabel.sizePolicy().hasHeightForWidth())
        self.busyLabel.setSizePolicy(sizePolicy)

        self.buttonsLayout.addWidget(self.busyLabel)

        self.backButton = QPushButton(ImportWizardDialog)
        self.backButton.setObjectName(u"backButton")
        self.backButton.setAutoDefault(False)

        self.buttonsLayout.addWidget(self.backButton)

        self.nextButton = QPushButton(ImportWizardDialog)
        self.nextButton.setObjectName(u"nextButton")
        self.nextButton.setAutoDefault(False)

        self.buttonsLayout.addWidget(self.nextButton)

        self.importButton = QPushButton(ImportWizardDialog)
        self.importButton.setObjectName(u"importButton")
        self.importButton.setAutoDefault(False)

        self.buttonsLayout.addWidget(self.importButton)

        self.finishButton = QPushButton(ImportWizardDialog)
        self.finishButton.setObjectName(u"finishButton")
        self.finishButton.setAutoDefault(False)

        self.buttonsLayout.addWidget(self.finishButton)

        self.cancelButton = QPushButton(ImportWizardDialog)
        self.cancelButton.setObjectName(u"cancelButton")
        self.cancelButton.setAutoDefault(False)

        self.buttonsLayout.addWidget(self.cancelButton)


        self.mainLayout.addLayout(self.buttonsLayout)

        QWidget.setTabOrder(self.chooseButton, self.mappingTable)
        QWidget.setTabOrder(self.mappingTable, self.previewTable)
        QWidget.setTabOrder(self.previewTable, self.issuesTable)
        QWidget.setTabOrder(self.issuesTable, self.saveRejectsButton)
        QWidget.setTabOrder(self.saveRejectsButton, self.renamesList)
        QWidget.setTabOrder(self.renamesList, self.skipCheck)
        QWidget.setTabOrder(self.skipCheck, self.backButton)
        QWidget.setTabOrder(self.backButton, self.nextButton)
        QWidget.setTabOrder(self.nextButton, self.importButton)
        QWidget.setTabOrder(self.importButton, self.finishButton)
        QWidget.setTabOrder(self.finishButton, self.cancelButton)

        self.retranslateUi(ImportWizardDialog)

        self.stack.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(ImportWizardDialog)
    # setupUi

    def retranslateUi(self, ImportWizardDialog):
        ImportWizardDialog.setWindowTitle(QCoreApplication.translate("ImportWizardDialog", u"Import roster", None))
        self.step1Label.setText(QCoreApplication.translate("ImportWizardDialog", u"1 Choose the file and its columns", None))
        self.step2Label.setText(QCoreApplication.translate("ImportWizardDialog", u"2 Check the results", None))
        self.step3Label.setText(QCoreApplication.translate("ImportWizardDialog", u"3 Done", None))
        self.chooseButton.setText(QCoreApplication.translate("ImportWizardDialog", u"Choose file\u2026", None))
        self.fileLabel.setText(QCoreApplication.translate("ImportWizardDialog", u"Choose the spreadsheet (Excel .xlsx or .xls, WPS, LibreOffice .ods) or CSV file that holds the roster.", None))
        self.mappingGroup.setTitle(QCoreApplication.translate("ImportWizardDialog", u"Columns in the file", None))
        self.mappingHelp.setText(QCoreApplication.translate("ImportWizardDialog", u"Choose what each column holds. Columns set to \u201cDo not import\u201d are left out. Below the columns, a field the file does not have can get one value for every row.", None))
        ___qtablewidgetitem = self.mappingTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("ImportWizardDialog", u"Column", None))
        ___qtablewidgetitem1 = self.mappingTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("ImportWizardDialog", u"Header in the file", None))
        ___qtablewidgetitem2 = self.mappingTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("ImportWizardDialog", u"Import as", None))
        self.previewGroup.setTitle(QCoreApplication.translate("ImportWizardDialog", u"First rows of the file", None))
        self.issuesGroup.setTitle(QCoreApplication.translate("ImportWizardDialog", u"Problems found", None))
        self.saveRejectsButton.setText(QCoreApplication.translate("ImportWizardDialog", u"Save the rejected rows\u2026", None))
        self.rejectsHelp.setText(QCoreApplication.translate("ImportWizardDialog", u"An Excel file with each rejected row and the reason, to correct and import again.", None))
        self.doneTitleLabel.setText(QCoreApplication.translate("ImportWizardDialog", u"The roster has been imported.", None))
        self.doneHintLabel.setText(QCoreApplication.translate("ImportWizardDialog", u"The imported members are on the Members page.", None))
        self.backButton.setText(QCoreApplication.translate("ImportWizardDialog", u"Back", None))
        self.nextButton.setText(QCoreApplication.translate("ImportWizardDialog", u"Next", None))
        self.importButton.setText(QCoreApplication.translate("ImportWizardDialog", u"Import", None))
        self.finishButton.setText(QCoreApplication.translate("ImportWizardDialog", u"Done", None))
        self.cancelButton.setText(QCoreApplication.translate("ImportWizardDialog", u"Cancel", None))
    # retranslateUi

