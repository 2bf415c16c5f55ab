# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'crash.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QHBoxLayout, QLabel, QPlainTextEdit, QPushButton,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_CrashDialog(object):
    def setupUi(self, CrashDialog):
        if not CrashDialog.objectName():
            CrashDialog.setObjectName(u"CrashDialog")
        self.mainLayout = QVBoxLayout(CrashDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.iconLabel = QLabel(CrashDialog)
        self.iconLabel.setObjectName(u"iconLabel")
        self.iconLabel.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.headerLayout.addWidget(self.iconLabel)

        self.headerTextLayout = QVBoxLayout()
        self.headerTextLayout.setObjectName(u"headerTextLayout")
        self.headingLabel = QLabel(CrashDialog)
        self.headingLabel.setObjectName(u"headingLabel")
        self.headingLabel.setWordWrap(True)

        self.headerTextLayout.addWidget(self.headingLabel)

        self.explanationLabel = QLabel(CrashDialog)
        self.explanationLabel.setObjectName(u"explanationLabel")
        self.explanationLabel.setWordWrap(True)

        self.headerTextLayout.addWidget(self.explanationLabel)


        self.headerLayout.addLayout(self.headerTextLayout)

        self.headerLayout.setStretch(1, 1)

        self.mainLayout.addLayout(self.headerLayout)

        self.logLabel = QLabel(CrashDialog)
        self.logLabel.setObjectName(u"logLabel")
        self.logLabel.setWordWrap(True)
        self.logLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.logLabel)

        self.detailsEdit = QPlainTextEdit(CrashDialog)
        self.detailsEdit.setObjectName(u"detailsEdit")
        self.detailsEdit.setReadOnly(True)
        self.detailsEdit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)

        self.mainLayout.addWidget(self.detailsEdit)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.copyButton = QPushButton(CrashDialog)
        self.copyButton.setObjectName(u"copyButton")

        self.buttonLayout.addWidget(self.copyButton)

        self.copiedLabel = QLabel(CrashDialog)
        self.copiedLabel.setObjectName(u"copiedLabel")

        self.buttonLayout.addWidget(self.copiedLabel)

        self.buttonBox = QDialogButtonBox(CrashDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.buttonLayout.addWidget(self.buttonBox)


        self.mainLayout.addLayout(self.buttonLayout)


        self.retranslateUi(CrashDialog)
        self.buttonBox.rejected.connect(CrashDialog.reject)

        QMetaObject.connectSlotsByName(CrashDialog)
    # setupUi

    def retranslateUi(self, CrashDialog):
        CrashDialog.setWindowTitle(QCoreApplication.translate("CrashDialog", u"Program error", None))
        self.headingLabel.setText(QCoreApplication.translate("CrashDialog", u"Sorry, something went wrong in the program.", None))
        self.explanationLabel.setText(QCoreApplication.translate("CrashDialog", u"Records you had already saved are safe. Please close the program and open it again. If this keeps happening, click \"Copy details\" and send them to whoever looks after this computer. The details contain no personal data.", None))
        self.copyButton.setText(QCoreApplication.translate("CrashDialog", u"Copy details", None))
    # retranslateUi

