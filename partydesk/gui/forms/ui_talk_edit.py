# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'talk_edit.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QListView, QPlainTextEdit,
    QSizePolicy, QVBoxLayout, QWidget)

from partydesk.gui.widgets.date_field import DateField

class Ui_TalkEditDialog(object):
    def setupUi(self, TalkEditDialog):
        if not TalkEditDialog.objectName():
            TalkEditDialog.setObjectName(u"TalkEditDialog")
        self.mainLayout = QVBoxLayout(TalkEditDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.columns = QHBoxLayout()
        self.columns.setObjectName(u"columns")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.heldOnLabel = QLabel(TalkEditDialog)
        self.heldOnLabel.setObjectName(u"heldOnLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.heldOnLabel)

        self.heldOnEdit = DateField(TalkEditDialog)
        self.heldOnEdit.setObjectName(u"heldOnEdit")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.heldOnEdit)

        self.formLabel = QLabel(TalkEditDialog)
        self.formLabel.setObjectName(u"formLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.formLabel)

        self.formCombo = QComboBox(TalkEditDialog)
        self.formCombo.setObjectName(u"formCombo")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.formCombo)

        self.byLabel = QLabel(TalkEditDialog)
        self.byLabel.setObjectName(u"byLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.byLabel)

        self.byCombo = QComboBox(TalkEditDialog)
        self.byCombo.setObjectName(u"byCombo")
        self.byCombo.setEditable(True)
        self.byCombo.setInsertPolicy(QComboBox.NoInsert)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.byCombo)

        self.topicLabel = QLabel(TalkEditDialog)
        self.topicLabel.setObjectName(u"topicLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.topicLabel)

        self.topicEdit = QLineEdit(TalkEditDialog)
        self.topicEdit.setObjectName(u"topicEdit")
        self.topicEdit.setMaxLength(200)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.topicEdit)

        self.contentLabel = QLabel(TalkEditDialog)
        self.contentLabel.setObjectName(u"contentLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.contentLabel)

        self.contentEdit = QPlainTextEdit(TalkEditDialog)
        self.contentEdit.setObjectName(u"contentEdit")
        self.contentEdit.setTabChangesFocus(True)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.contentEdit)

        self.followUpLabel = QLabel(TalkEditDialog)
        self.followUpLabel.setObjectName(u"followUpLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.followUpLabel)

        self.followUpEdit = QPlainTextEdit(TalkEditDialog)
        self.followUpEdit.setObjectName(u"followUpEdit")
        self.followUpEdit.setTabChangesFocus(True)

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.followUpEdit)

        self.followUpOnLabel = QLabel(TalkEditDialog)
        self.followUpOnLabel.setObjectName(u"followUpOnLabel")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.followUpOnLabel)

        self.followUpRow = QHBoxLayout()
        self.followUpRow.setObjectName(u"followUpRow")
        self.followUpOnEdit = DateField(TalkEditDialog)
        self.followUpOnEdit.setObjectName(u"followUpOnEdit")

        self.followUpRow.addWidget(self.followUpOnEdit)

        self.followUpDoneCheck = QCheckBox(TalkEditDialog)
        self.followUpDoneCheck.setObjectName(u"followUpDoneCheck")

        self.followUpRow.addWidget(self.followUpDoneCheck)


        self.form.setLayout(6, QFormLayout.ItemRole.FieldRole, self.followUpRow)


        self.columns.addLayout(self.form)

        self.withColumn = QVBoxLayout()
        self.withColumn.setObjectName(u"withColumn")
        self.withLabel = QLabel(TalkEditDialog)
        self.withLabel.setObjectName(u"withLabel")

        self.withColumn.addWidget(self.withLabel)

        self.withSearchEdit = QLineEdit(TalkEditDialog)
        self.withSearchEdit.setObjectName(u"withSearchEdit")
        self.withSearchEdit.setClearButtonEnabled(True)

        self.withColumn.addWidget(self.withSearchEdit)

        self.withList = QListView(TalkEditDialog)
        self.withList.setObjectName(u"withList")
        self.withList.setUniformItemSizes(True)

        self.withColumn.addWidget(self.withList)

        self.withSummaryLabel = QLabel(TalkEditDialog)
        self.withSummaryLabel.setObjectName(u"withSummaryLabel")
        self.withSummaryLabel.setWordWrap(True)

        self.withColumn.addWidget(self.withSummaryLabel)


        self.columns.addLayout(self.withColumn)


        self.mainLayout.addLayout(self.columns)

        self.errorLabel = QLabel(TalkEditDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(TalkEditDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.heldOnLabel.setBuddy(self.heldOnEdit)
        self.formLabel.setBuddy(self.formCombo)
        self.byLabel.setBuddy(self.byCombo)
        self.topicLabel.setBuddy(self.topicEdit)
        self.contentLabel.setBuddy(self.contentEdit)
        self.followUpLabel.setBuddy(self.followUpEdit)
        self.followUpOnLabel.setBuddy(self.followUpOnEdit)
        self.withLabel.setBuddy(self.withSearchEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.heldOnEdit, self.formCombo)
        QWidget.setTabOrder(self.formCombo, self.byCombo)
        QWidget.setTabOrder(self.byCombo, self.topicEdit)
        QWidget.setTabOrder(self.topicEdit, self.contentEdit)
        QWidget.setTabOrder(self.contentEdit, self.followUpEdit)
        QWidget.setTabOrder(self.followUpEdit, self.followUpOnEdit)
        QWidget.setTabOrder(self.followUpOnEdit, self.followUpDoneCheck)
        QWidget.setTabOrder(self.followUpDoneCheck, self.withSearchEdit)
        QWidget.setTabOrder(self.withSearchEdit, self.withList)

        self.retranslateUi(TalkEditDialog)

        QMetaObject.connectSlotsByName(TalkEditDialog)
    # setupUi

    def retranslateUi(self, TalkEditDialog):
        TalkEditDialog.setWindowTitle(QCoreApplication.translate("TalkEditDialog", u"Heart-to-heart talk", None))
        self.heldOnLabel.setText(QCoreApplication.translate("TalkEditDialog", u"&Date:", None))
        self.formLabel.setText(QCoreApplication.translate("TalkEditDialog", u"&Form:", None))
        self.byLabel.setText(QCoreApplication.translate("TalkEditDialog", u"Talked &by:", None))
        self.topicLabel.setText(QCoreApplication.translate("TalkEditDialog", u"&Topic:", None))
        self.contentLabel.setText(QCoreApplication.translate("TalkEditDialog", u"&Content:", None))
        self.followUpLabel.setText(QCoreApplication.translate("TalkEditDialog", u"&Follow-up:", None))
        self.followUpOnLabel.setText(QCoreApplication.translate("TalkEditDialog", u"Follow up &by:", None))
        self.followUpDoneCheck.setText(QCoreApplication.translate("TalkEditDialog", u"D&one", None))
        self.withLabel.setText(QCoreApplication.translate("TalkEditDialog", u"Talked &with (tick one or more):", None))
    # retranslateUi

