# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'about.ui'
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
    QFormLayout, QGroupBox, QHBoxLayout, QLabel,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_AboutDialog(object):
    def setupUi(self, AboutDialog):
        if not AboutDialog.objectName():
            AboutDialog.setObjectName(u"AboutDialog")
        self.mainLayout = QVBoxLayout(AboutDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.iconLabel = QLabel(AboutDialog)
        self.iconLabel.setObjectName(u"iconLabel")
        self.iconLabel.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.headerLayout.addWidget(self.iconLabel)

        self.headerTextLayout = QVBoxLayout()
        self.headerTextLayout.setObjectName(u"headerTextLayout")
        self.titleLabel = QLabel(AboutDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.headerTextLayout.addWidget(self.titleLabel)

        self.descriptionLabel = QLabel(AboutDialog)
        self.descriptionLabel.setObjectName(u"descriptionLabel")
        self.descriptionLabel.setWordWrap(True)

        self.headerTextLayout.addWidget(self.descriptionLabel)


        self.headerLayout.addLayout(self.headerTextLayout)

        self.headerLayout.setStretch(1, 1)

        self.mainLayout.addLayout(self.headerLayout)

        self.detailsGroup = QGroupBox(AboutDialog)
        self.detailsGroup.setObjectName(u"detailsGroup")
        self.detailsForm = QFormLayout(self.detailsGroup)
        self.detailsForm.setObjectName(u"detailsForm")
        self.versionName = QLabel(self.detailsGroup)
        self.versionName.setObjectName(u"versionName")

        self.detailsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.versionName)

        self.versionValue = QLabel(self.detailsGroup)
        self.versionValue.setObjectName(u"versionValue")
        self.versionValue.setWordWrap(True)
        self.versionValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.detailsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.versionValue)

        self.pythonName = QLabel(self.detailsGroup)
        self.pythonName.setObjectName(u"pythonName")

        self.detailsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.pythonName)

        self.pythonValue = QLabel(self.detailsGroup)
        self.pythonValue.setObjectName(u"pythonValue")
        self.pythonValue.setWordWrap(True)
        self.pythonValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.detailsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.pythonValue)

        self.qtName = QLabel(self.detailsGroup)
        self.qtName.setObjectName(u"qtName")

        self.detailsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.qtName)

        self.qtValue = QLabel(self.detailsGroup)
        self.qtValue.setObjectName(u"qtValue")
        self.qtValue.setWordWrap(True)
        self.qtValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.detailsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.qtValue)

        self.pysideName = QLabel(self.detailsGroup)
        self.pysideName.setObjectName(u"pysideName")

        self.detailsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.pysideName)

        self.pysideValue = QLabel(self.detailsGroup)
        self.pysideValue.setObjectName(u"pysideValue")
        self.pysideValue.setWordWrap(True)
        self.pysideValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.detailsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.pysideValue)

        self.sqliteName = QLabel(self.detailsGroup)
        self.sqliteName.setObjectName(u"sqliteName")

        self.detailsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.sqliteName)

        self.sqliteValue = QLabel(self.detailsGroup)
        self.sqliteValue.setObjectName(u"sqliteValue")
        self.sqliteValue.setWordWrap(True)
        self.sqliteValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.detailsForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.sqliteValue)

        self.databaseName = QLabel(self.detailsGroup)
        self.databaseName.setObjectName(u"databaseName")

        self.detailsForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.databaseName)

        self.databaseValue = QLabel(self.detailsGroup)
        self.databaseValue.setObjectName(u"databaseValue")
        self.databaseValue.setWordWrap(True)
        self.databaseValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.detailsForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.databaseValue)

        self.dataName = QLabel(self.detailsGroup)
        self.dataName.setObjectName(u"dataName")

        self.detailsForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.dataName)

        self.dataValue = QLabel(self.detailsGroup)
        self.dataValue.setObjectName(u"dataValue")
        self.dataValue.setWordWrap(True)
        self.dataValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.detailsForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.dataValue)

        self.logName = QLabel(self.detailsGroup)
        self.logName.setObjectName(u"logName")

        self.detailsForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.logName)

        self.logValue = QLabel(self.detailsGroup)
        self.logValue.setObjectName(u"logValue")
        self.logValue.setWordWrap(True)
        self.logValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.detailsForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.logValue)

        self.backupName = QLabel(self.detailsGroup)
        self.backupName.setObjectName(u"backupName")

        self.detailsForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.backupName)

        self.backupValue = QLabel(self.detailsGroup)
        self.backupValue.setObjectName(u"backupValue")
        self.backupValue.setWordWrap(True)
        self.backupValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.detailsForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.backupValue)


        self.mainLayout.addWidget(self.detailsGroup)

        self.licenceLabel = QLabel(AboutDialog)
        self.licenceLabel.setObjectName(u"licenceLabel")
        self.licenceLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.licenceLabel)

        self.buttonBox = QDialogButtonBox(AboutDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.mainLayout.addWidget(self.buttonBox)


        self.retranslateUi(AboutDialog)
        self.buttonBox.rejected.connect(AboutDialog.reject)

        QMetaObject.connectSlotsByName(AboutDialog)
    # setupUi

    def retranslateUi(self, AboutDialog):
        AboutDialog.setWindowTitle(QCoreApplication.translate("AboutDialog", u"About Party Branch Desk", None))
        self.titleLabel.setText(QCoreApplication.translate("AboutDialog", u"Party Branch Desk", None))
        self.descriptionLabel.setText(QCoreApplication.translate("AboutDialog", u"Roster, meetings, study records and reports for a Party branch office. Works offline; your data stays on this computer.", None))
        self.detailsGroup.setTitle(QCoreApplication.translate("AboutDialog", u"Versions and files", None))
        self.versionName.setText(QCoreApplication.translate("AboutDialog", u"Version:", None))
        self.pythonName.setText(QCoreApplication.translate("AboutDialog", u"Python:", None))
        self.qtName.setText(QCoreApplication.translate("AboutDialog", u"Qt:", None))
        self.pysideName.setText(QCoreApplication.translate("AboutDialog", u"PySide6:", None))
        self.sqliteName.setText(QCoreApplication.translate("AboutDialog", u"SQLite:", None))
        self.databaseName.setText(QCoreApplication.translate("AboutDialog", u"Database file:", None))
        self.dataName.setText(QCoreApplication.translate("AboutDialog", u"Data folder:", None))
        self.logName.setText(QCoreApplication.translate("AboutDialog", u"Log folder:", None))
        self.backupName.setText(QCoreApplication.translate("AboutDialog", u"Backup folder:", None))
        self.licenceLabel.setText(QCoreApplication.translate("AboutDialog", u"For internal use by Party organisations. Built with Qt and PySide6 (LGPL v3), SQLite (public domain), SQLAlchemy and alembic (MIT), matplotlib (matplotlib licence, BSD-style), python-calamine (MIT), XlsxWriter (BSD 2-Clause), python-docx (MIT), cryptography (Apache 2.0 / BSD), platformdirs (MIT) and pypinyin (MIT).", None))
    # retranslateUi

