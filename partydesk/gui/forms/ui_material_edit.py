# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'material_edit.ui'
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
    QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QVBoxLayout, QWidget)

class Ui_MaterialEditDialog(object):
    def setupUi(self, MaterialEditDialog):
        if not MaterialEditDialog.objectName():
            MaterialEditDialog.setObjectName(u"MaterialEditDialog")
        self.mainLayout = QVBoxLayout(MaterialEditDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(MaterialEditDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.titleLabel = QLabel(MaterialEditDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(MaterialEditDialog)
        self.titleEdit.setObjectName(u"titleEdit")
        self.titleEdit.setMaxLength(200)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.tagsLabel = QLabel(MaterialEditDialog)
        self.tagsLabel.setObjectName(u"tagsLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.tagsLabel)

        self.tagsEdit = QLineEdit(MaterialEditDialog)
        self.tagsEdit.setObjectName(u"tagsEdit")
        self.tagsEdit.setMaxLength(200)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.tagsEdit)

        self.datedLabel = QLabel(MaterialEditDialog)
        self.datedLabel.setObjectName(u"datedLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.datedLabel)

        self.datedEdit = QLineEdit(MaterialEditDialog)
        self.datedEdit.setObjectName(u"datedEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.datedEdit)

        self.fileLabel = QLabel(MaterialEditDialog)
        self.fileLabel.setObjectName(u"fileLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.fileLabel)

        self.fileLayout = QHBoxLayout()
        self.fileLayout.setObjectName(u"fileLayout")
        self.fileEdit = QLineEdit(MaterialEditDialog)
        self.fileEdit.setObjectName(u"fileEdit")

        self.fileLayout.addWidget(self.fileEdit)

        self.browseButton = QPushButton(MaterialEditDialog)
        self.browseButton.setObjectName(u"browseButton")
        self.browseButton.setAutoDefault(False)

        self.fileLayout.addWidget(self.browseButton)


        self.formLayout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.fileLayout)

        self.linkLabel = QLabel(MaterialEditDialog)
        self.linkLabel.setObjectName(u"linkLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.linkLabel)

        self.linkEdit = QLineEdit(MaterialEditDialog)
        self.linkEdit.setObjectName(u"linkEdit")
        self.linkEdit.setMaxLength(500)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.linkEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(MaterialEditDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(MaterialEditDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.titleLabel.setBuddy(self.titleEdit)
        self.tagsLabel.setBuddy(self.tagsEdit)
        self.datedLabel.setBuddy(self.datedEdit)
        self.fileLabel.setBuddy(self.fileEdit)
        self.linkLabel.setBuddy(self.linkEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(MaterialEditDialog)

        QMetaObject.connectSlotsByName(MaterialEditDialog)
    # setupUi

    def retranslateUi(self, MaterialEditDialog):
        MaterialEditDialog.setWindowTitle(QCoreApplication.translate("MaterialEditDialog", u"Add to the materials library", None))
        self.introLabel.setText(QCoreApplication.translate("MaterialEditDialog", u"Add a document (PDF, Word, text) or a web link. A file is copied into the attachments folder beside the database, so it stays available if the original is moved.", None))
        self.titleLabel.setText(QCoreApplication.translate("MaterialEditDialog", u"Title *", None))
        self.tagsLabel.setText(QCoreApplication.translate("MaterialEditDialog", u"Tags", None))
        self.datedLabel.setText(QCoreApplication.translate("MaterialEditDialog", u"Date", None))
        self.fileLabel.setText(QCoreApplication.translate("MaterialEditDialog", u"File", None))
        self.browseButton.setText(QCoreApplication.translate("MaterialEditDialog", u"Choose\u2026", None))
        self.linkLabel.setText(QCoreApplication.translate("MaterialEditDialog", u"Or a link", None))
    # retranslateUi

