# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'member_edit.ui'
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
    QDialog, QDialogButtonBox, QFormLayout, QFrame,
    QGridLayout, QGroupBox, QLabel, QLineEdit,
    QPlainTextEdit, QScrollArea, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_MemberEditDialog(object):
    def setupUi(self, MemberEditDialog):
        if not MemberEditDialog.objectName():
            MemberEditDialog.setObjectName(u"MemberEditDialog")
        MemberEditDialog.setSizeGripEnabled(True)
        self.mainLayout = QVBoxLayout(MemberEditDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.hintLabel = QLabel(MemberEditDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.hintLabel)

        self.summaryLabel = QLabel(MemberEditDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)
        self.summaryLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.summaryLabel)

        self.scrollArea = QScrollArea(MemberEditDialog)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setFrameShape(QFrame.Shape.NoFrame)
        self.scrollArea.setWidgetResizable(True)
        self.scrollContents = QWidget()
        self.scrollContents.setObjectName(u"scrollContents")
        self.scrollContentsLayout = QVBoxLayout(self.scrollContents)
        self.scrollContentsLayout.setObjectName(u"scrollContentsLayout")
        self.scrollContentsLayout.setContentsMargins(0, 0, 0, 0)
        self.formContents = QWidget(self.scrollContents)
        self.formContents.setObjectName(u"formContents")
        self.formGrid = QGridLayout(self.formContents)
        self.formGrid.setObjectName(u"formGrid")
        self.formGrid.setContentsMargins(0, 0, 0, 0)
        self.basicGroup = QGroupBox(self.formContents)
        self.basicGroup.setObjectName(u"basicGroup")
        self.basicGroupForm = QFormLayout(self.basicGroup)
        self.basicGroupForm.setObjectName(u"basicGroupForm")
        self.basicGroupForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.nameLabel = QLabel(self.basicGroup)
        self.nameLabel.setObjectName(u"nameLabel")

        self.basicGroupForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameBox = QVBoxLayout()
        self.nameBox.setSpacing(2)
        self.nameBox.setObjectName(u"nameBox")
        self.nameEdit = QLineEdit(self.basicGroup)
        self.nameEdit.setObjectName(u"nameEdit")

        self.nameBox.addWidget(self.nameEdit)

        self.nameError = QLabel(self.basicGroup)
        self.nameError.setObjectName(u"nameError")

        self.nameBox.addWidget(self.nameError)


        self.basicGroupForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.nameBox)

        self.genderLabel = QLabel(self.basicGroup)
        self.genderLabel.setObjectName(u"genderLabel")

        self.basicGroupForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.genderLabel)

        self.genderBox = QVBoxLayout()
        self.genderBox.setSpacing(2)
        self.genderBox.setObjectName(u"genderBox")
        self.genderCombo = QComboBox(self.basicGroup)
        self.genderCombo.setObjectName(u"genderCombo")
        self.genderCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.genderCombo.setMinimumContentsLength(8)

        self.genderBox.addWidget(self.genderCombo)

        self.genderError = QLabel(self.basicGroup)
        self.genderError.setObjectName(u"genderError")

        self.genderBox.addWidget(self.genderError)


        self.basicGroupForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.genderBox)

        self.ethnicityLabel = QLabel(self.basicGroup)
        self.ethnicityLabel.setObjectName(u"ethnicityLabel")

        self.basicGroupForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.ethnicityLabel)

        self.ethnicityBox = QVBoxLayout()
        self.ethnicityBox.setSpacing(2)
        self.ethnicityBox.setObjectName(u"ethnicityBox")
        self.ethnicityCombo = QComboBox(self.basicGroup)
        self.ethnicityCombo.setObjectName(u"ethnicityCombo")
        self.ethnicityCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.ethnicityCombo.setMinimumContentsLength(8)

        self.ethnicityBox.addWidget(self.ethnicityCombo)

        self.ethnicityError = QLabel(self.basicGroup)
        self.ethnicityError.setObjectName(u"ethnicityError")

        self.ethnicityBox.addWidget(self.ethnicityError)


        self.basicGroupForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.ethnicityBox)

        self.idTypeLabel = QLabel(self.basicGroup)
        self.idTypeLabel.setObjectName(u"idTypeLabel")

        self.basicGroupForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.idTypeLabel)

        self.idTypeBox = QVBoxLayout()
        self.idTypeBox.setSpacing(2)
        self.idTypeBox.setObjectName(u"idTypeBox")
        self.idTypeCombo = QComboBox(self.basicGroup)
        self.idTypeCombo.setObjectName(u"idTypeCombo")
        self.idTypeCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.idTypeCombo.setMinimumContentsLength(8)

        self.idTypeBox.addWidget(self.idTypeCombo)

        self.idTypeError = QLabel(self.basicGroup)
        self.idTypeError.setObjectName(u"idTypeError")

        self.idTypeBox.addWidget(self.idTypeError)


        self.basicGroupForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.idTypeBox)

        self.idNumberLabel = QLabel(self.basicGroup)
        self.idNumberLabel.setObjectName(u"idNumberLabel")

        self.basicGroupForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.idNumberLabel)

        self.idNumberBox = QVBoxLayout()
        self.idNumberBox.setSpacing(2)
        self.idNumberBox.setObjectName(u"idNumberBox")
        self.idNumberEdit = QLineEdit(self.basicGroup)
        self.idNumberEdit.setObjectName(u"idNumberEdit")
        self.idNumberEdit.setMaxLength(40)

        self.idNumberBox.addWidget(self.idNumberEdit)

        self.idNumberError = QLabel(self.basicGroup)
        self.idNumberError.setObjectName(u"idNumberError")

        self.idNumberBox.addWidget(self.idNumberError)


        self.basicGroupForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.idNumberBox)

        self.birthDateLabel = QLabel(self.basicGroup)
        self.birthDateLabel.setObjectName(u"birthDateLabel")

        self.basicGroupForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.birthDateLabel)

        self.birthDateBox = QVBoxLayout()
        self.birthDateBox.setSpacing(2)
        self.birthDateBox.setObjectName(u"birthDateBox")
        self.birthDateEdit = QLineEdit(self.basicGroup)
        self.birthDateEdit.setObjectName(u"birthDateEdit")

        self.birthDateBox.addWidget(self.birthDateEdit)

        self.birthDateError = QLabel(self.basicGroup)
        self.birthDateError.setObjectName(u"birthDateError")

        self.birthDateBox.addWidget(self.birthDateError)


        self.basicGroupForm.setLayout(5, QFormLayout.ItemRole.FieldRole, self.birthDateBox)

        self.educationLabel = QLabel(self.basicGroup)
        self.educationLabel.setObjectName(u"educationLabel")

        self.basicGroupForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.educationLabel)

        self.educationBox = QVBoxLayout()
        self.educationBox.setSpacing(2)
        self.educationBox.setObjectName(u"educationBox")
        self.educationCombo = QComboBox(self.basicGroup)
        self.educationCombo.setObjectName(u"educationCombo")
        self.educationCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.educationCombo.setMinimumContentsLength(8)

        self.educationBox.addWidget(self.educationCombo)

        self.educationError = QLabel(self.basicGroup)
        self.educationError.setObjectName(u"educationError")

        self.educationBox.addWidget(self.educationError)


        self.basicGroupForm.setLayout(6, QFormLayout.ItemRole.FieldRole, self.educationBox)

        self.degreeLabel = QLabel(self.basicGroup)
        self.degreeLabel.setObjectName(u"degreeLabel")

        self.basicGroupForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.degreeLabel)

        self.degreeBox = QVBoxLayout()
        self.degreeBox.setSpacing(2)
        self.degreeBox.setObjectName(u"degreeBox")
        self.degreeCombo = QComboBox(self.basicGroup)
        self.degreeCombo.setObjectName(u"degreeCombo")
        self.degreeCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.degreeCombo.setMinimumContentsLength(8)

        self.degreeBox.addWidget(self.degreeCombo)

        self.degreeError = QLabel(self.basicGroup)
        self.degreeError.setObjectName(u"degreeError")

        self.degreeBox.addWidget(self.degreeError)


        self.basicGroupForm.setLayout(7, QFormLayout.ItemRole.FieldRole, self.degreeBox)

        self.nativePlaceLabel = QLabel(self.basicGroup)
        self.nativePlaceLabel.setObjectName(u"nativePlaceLabel")

        self.basicGroupForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.nativePlaceLabel)

        self.nativePlaceBox = QVBoxLayout()
        self.nativePlaceBox.setSpacing(2)
        self.nativePlaceBox.setObjectName(u"nativePlaceBox")
        self.nativePlaceEdit = QLineEdit(self.basicGroup)
        self.nativePlaceEdit.setObjectName(u"nativePlaceEdit")

        self.nativePlaceBox.addWidget(self.nativePlaceEdit)

        self.nativePlaceError = QLabel(self.basicGroup)
        self.nativePlaceError.setObjectName(u"nativePlaceError")

        self.nativePlaceBox.addWidget(self.nativePlaceError)


        self.basicGroupForm.setLayout(8, QFormLayout.ItemRole.FieldRole, self.nativePlaceBox)


        self.formGrid.addWidget(self.basicGroup, 0, 0, 1, 1)

        self.partyGroup = QGroupBox(self.formContents)
        self.partyGroup.setObjectName(u"partyGroup")
        self.partyGroupForm = QFormLayout(self.partyGroup)
        self.partyGroupForm.setObjectName(u"partyGroupForm")
        self.partyGroupForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.categoryLabel = QLabel(self.partyGroup)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.partyGroupForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.categoryLabel)

        self.categoryBox = QVBoxLayout()
        self.categoryBox.setSpacing(2)
        self.categoryBox.setObjectName(u"categoryBox")
        self.categoryCombo = QComboBox(self.partyGroup)
        self.categoryCombo.setObjectName(u"categoryCombo")
        self.categoryCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.categoryCombo.setMinimumContentsLength(8)

        self.categoryBox.addWidget(self.categoryCombo)

        self.categoryError = QLabel(self.partyGroup)
        self.categoryError.setObjectName(u"categoryError")

        self.categoryBox.addWidget(self.categoryError)


        self.partyGroupForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.categoryBox)

        self.joinedOnLabel = QLabel(self.partyGroup)
        self.joinedOnLabel.setObjectName(u"joinedOnLabel")

        self.partyGroupForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.joinedOnLabel)

        self.joinedOnBox = QVBoxLayout()
        self.joinedOnBox.setSpacing(2)
        self.joinedOnBox.setObjectName(u"joinedOnBox")
        self.joinedOnEdit = QLineEdit(self.partyGroup)
        self.joinedOnEdit.setObjectName(u"joinedOnEdit")

        self.joinedOnBox.addWidget(self.joinedOnEdit)

        self.joinedOnError = QLabel(self.partyGroup)
        self.joinedOnError.setObjectName(u"joinedOnError")

        self.joinedOnBox.addWidget(self.joinedOnError)


        self.partyGroupForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.joinedOnBox)

        self.confirmedOnLabel = QLabel(self.partyGroup)
        self.confirmedOnLabel.setObjectName(u"confirmedOnLabel")

        self.partyGroupForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.confirmedOnLabel)

        self.confirmedOnBox = QVBoxLayout()
        self.confirmedOnBox.setSpacing(2)
        self.confirmedOnBox.setObjectName(u"confirmedOnBox")
        self.confirmedOnEdit = QLineEdit(self.partyGroup)
        self.confirmedOnEdit.setObjectName(u"confirmedOnEdit")

        self.confirmedOnBox.addWidget(self.confirmedOnEdit)

        self.confirmedOnError = QLabel(self.partyGroup)
        self.confirmedOnError.setObjectName(u"confirmedOnError")

        self.confirmedOnBox.addWidget(self.confirmedOnError)


        self.partyGroupForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.confirmedOnBox)

        self.membershipStatusLabel = QLabel(self.partyGroup)
        self.membershipStatusLabel.setObjectName(u"membershipStatusLabel")

        self.partyGroupForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.membershipStatusLabel)

        self.membershipStatusBox = QVBoxLayout()
        self.membershipStatusBox.setSpacing(2)
        self.membershipStatusBox.setObjectName(u"membershipStatusBox")
        self.membershipStatusCombo = QComboBox(self.partyGroup)
        self.membershipStatusCombo.setObjectName(u"membershipStatusCombo")
        self.membershipStatusCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.membershipStatusCombo.setMinimumContentsLength(8)

        self.membershipStatusBox.addWidget(self.membershipStatusCombo)

        self.membershipStatusError = QLabel(self.partyGroup)
        self.membershipStatusError.setObjectName(u"membershipStatusError")

        self.membershipStatusBox.addWidget(self.membershipStatusError)


        self.partyGroupForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.membershipStatusBox)

        self.partyGroupLabel = QLabel(self.partyGroup)
        self.partyGroupLabel.setObjectName(u"partyGroupLabel")

        self.partyGroupForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.partyGroupLabel)

        self.partyGroupBox = QVBoxLayout()
        self.partyGroupBox.setSpacing(2)
        self.partyGroupBox.setObjectName(u"partyGroupBox")
        self.partyGroupCombo = QComboBox(self.partyGroup)
        self.partyGroupCombo.setObjectName(u"partyGroupCombo")
        self.partyGroupCombo.setEditable(True)
        self.partyGroupCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.partyGroupCombo.setMinimumContentsLength(8)

        self.partyGroupBox.addWidget(self.partyGroupCombo)

        self.partyGroupError = QLabel(self.partyGroup)
        self.partyGroupError.setObjectName(u"partyGroupError")

        self.partyGroupBox.addWidget(self.partyGroupError)


        self.partyGroupForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.partyGroupBox)

        self.partyPostLabel = QLabel(self.partyGroup)
        self.partyPostLabel.setObjectName(u"partyPostLabel")

        self.partyGroupForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.partyPostLabel)

        self.partyPostBox = QVBoxLayout()
        self.partyPostBox.setSpacing(2)
        self.partyPostBox.setObjectName(u"partyPostBox")
        self.partyPostCombo = QComboBox(self.partyGroup)
        self.partyPostCombo.setObjectName(u"partyPostCombo")
        self.partyPostCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.partyPostCombo.setMinimumContentsLength(8)

        self.partyPostBox.addWidget(self.partyPostCombo)

        self.partyPostError = QLabel(self.partyGroup)
        self.partyPostError.setObjectName(u"partyPostError")

        self.partyPostBox.addWidget(self.partyPostError)


        self.partyGroupForm.setLayout(5, QFormLayout.ItemRole.FieldRole, self.partyPostBox)


        self.formGrid.addWidget(self.partyGroup, 0, 1, 1, 1)

        self.contactGroup = QGroupBox(self.formContents)
        self.contactGroup.setObjectName(u"contactGroup")
        self.contactGroupForm = QFormLayout(self.contactGroup)
        self.contactGroupForm.setObjectName(u"contactGroupForm")
        self.contactGroupForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.workPostLabel = QLabel(self.contactGroup)
        self.workPostLabel.setObjectName(u"workPostLabel")

        self.contactGroupForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.workPostLabel)

        self.workPostBox = QVBoxLayout()
        self.workPostBox.setSpacing(2)
        self.workPostBox.setObjectName(u"workPostBox")
        self.workPostCombo = QComboBox(self.contactGroup)
        self.workPostCombo.setObjectName(u"workPostCombo")
        self.workPostCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.workPostCombo.setMinimumContentsLength(8)

        self.workPostBox.addWidget(self.workPostCombo)

        self.workPostError = QLabel(self.contactGroup)
        self.workPostError.setObjectName(u"workPostError")

        self.workPostBox.addWidget(self.workPostError)


        self.contactGroupForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.workPostBox)

        self.workUnitLabel = QLabel(self.contactGroup)
        self.workUnitLabel.setObjectName(u"workUnitLabel")

        self.contactGroupForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.workUnitLabel)

        self.workUnitBox = QVBoxLayout()
        self.workUnitBox.setSpacing(2)
        self.workUnitBox.setObjectName(u"workUnitBox")
        self.workUnitEdit = QLineEdit(self.contactGroup)
        self.workUnitEdit.setObjectName(u"workUnitEdit")

        self.workUnitBox.addWidget(self.workUnitEdit)

        self.workUnitError = QLabel(self.contactGroup)
        self.workUnitError.setObjectName(u"workUnitError")

        self.workUnitBox.addWidget(self.workUnitError)


        self.contactGroupForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.workUnitBox)

        self.workStartedOnLabel = QLabel(self.contactGroup)
        self.workStartedOnLabel.setObjectName(u"workStartedOnLabel")

        self.contactGroupForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.workStartedOnLabel)

        self.workStartedOnBox = QVBoxLayout()
        self.workStartedOnBox.setSpacing(2)
        self.workStartedOnBox.setObjectName(u"workStartedOnBox")
        self.workStartedOnEdit = QLineEdit(self.contactGroup)
        self.workStartedOnEdit.setObjectName(u"workStartedOnEdit")

        self.workStartedOnBox.addWidget(self.workStartedOnEdit)

        self.workStartedOnError = QLabel(self.contactGroup)
        self.workStartedOnError.setObjectName(u"workStartedOnError")

        self.workStartedOnBox.addWidget(self.workStartedOnError)


        self.contactGroupForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.workStartedOnBox)

        self.phoneLabel = QLabel(self.contactGroup)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.contactGroupForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneBox = QVBoxLayout()
        self.phoneBox.setSpacing(2)
        self.phoneBox.setObjectName(u"phoneBox")
        self.phoneEdit = QLineEdit(self.contactGroup)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.phoneBox.addWidget(self.phoneEdit)

        self.phoneError = QLabel(self.contactGroup)
        self.phoneError.setObjectName(u"phoneError")

        self.phoneBox.addWidget(self.phoneError)


        self.contactGroupForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.phoneBox)

        self.addressLabel = QLabel(self.contactGroup)
        self.addressLabel.setObjectName(u"addressLabel")

        self.contactGroupForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.addressBox = QVBoxLayout()
        self.addressBox.setSpacing(2)
        self.addressBox.setObjectName(u"addressBox")
        self.addressEdit = QLineEdit(self.contactGroup)
        self.addressEdit.setObjectName(u"addressEdit")

        self.addressBox.addWidget(self.addressEdit)

        self.addressError = QLabel(self.contactGroup)
        self.addressError.setObjectName(u"addressError")

        self.addressBox.addWidget(self.addressError)


        self.contactGroupForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.addressBox)


        self.formGrid.addWidget(self.contactGroup, 1, 0, 1, 1)

        self.lostGroup = QGroupBox(self.formContents)
        self.lostGroup.setObjectName(u"lostGroup")
        self.lostGroupForm = QFormLayout(self.lostGroup)
        self.lostGroupForm.setObjectName(u"lostGroupForm")
        self.lostGroupForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.lostContactBox = QVBoxLayout()
        self.lostContactBox.setObjectName(u"lostContactBox")
        self.lostContactCheck = QCheckBox(self.lostGroup)
        self.lostContactCheck.setObjectName(u"lostContactCheck")

        self.lostContactBox.addWidget(self.lostContactCheck)

        self.lostContactError = QLabel(self.lostGroup)
        self.lostContactError.setObjectName(u"lostContactError")

        self.lostContactBox.addWidget(self.lostContactError)


        self.lostGroupForm.setLayout(0, QFormLayout.ItemRole.SpanningRole, self.lostContactBox)

        self.lostSinceLabel = QLabel(self.lostGroup)
        self.lostSinceLabel.setObjectName(u"lostSinceLabel")

        self.lostGroupForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.lostSinceLabel)

        self.lostSinceBox = QVBoxLayout()
        self.lostSinceBox.setSpacing(2)
        self.lostSinceBox.setObjectName(u"lostSinceBox")
        self.lostSinceEdit = QLineEdit(self.lostGroup)
        self.lostSinceEdit.setObjectName(u"lostSinceEdit")

        self.lostSinceBox.addWidget(self.lostSinceEdit)

        self.lostSinceError = QLabel(self.lostGroup)
        self.lostSinceError.setObjectName(u"lostSinceError")

        self.lostSinceBox.addWidget(self.lostSinceError)


        self.lostGroupForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.lostSinceBox)

        self.lostCauseLabel = QLabel(self.lostGroup)
        self.lostCauseLabel.setObjectName(u"lostCauseLabel")

        self.lostGroupForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.lostCauseLabel)

        self.lostCauseBox = QVBoxLayout()
        self.lostCauseBox.setSpacing(2)
        self.lostCauseBox.setObjectName(u"lostCauseBox")
        self.lostCauseCombo = QComboBox(self.lostGroup)
        self.lostCauseCombo.setObjectName(u"lostCauseCombo")
        self.lostCauseCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.lostCauseCombo.setMinimumContentsLength(8)

        self.lostCauseBox.addWidget(self.lostCauseCombo)

        self.lostCauseError = QLabel(self.lostGroup)
        self.lostCauseError.setObjectName(u"lostCauseError")

        self.lostCauseBox.addWidget(self.lostCauseError)


        self.lostGroupForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.lostCauseBox)

        self.migrantBox = QVBoxLayout()
        self.migrantBox.setObjectName(u"migrantBox")
        self.migrantCheck = QCheckBox(self.lostGroup)
        self.migrantCheck.setObjectName(u"migrantCheck")

        self.migrantBox.addWidget(self.migrantCheck)

        self.migrantError = QLabel(self.lostGroup)
        self.migrantError.setObjectName(u"migrantError")

        self.migrantBox.addWidget(self.migrantError)


        self.lostGroupForm.setLayout(3, QFormLayout.ItemRole.SpanningRole, self.migrantBox)

        self.migrantDestinationLabel = QLabel(self.lostGroup)
        self.migrantDestinationLabel.setObjectName(u"migrantDestinationLabel")

        self.lostGroupForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.migrantDestinationLabel)

        self.migrantDestinationBox = QVBoxLayout()
        self.migrantDestinationBox.setSpacing(2)
        self.migrantDestinationBox.setObjectName(u"migrantDestinationBox")
        self.migrantDestinationEdit = QLineEdit(self.lostGroup)
        self.migrantDestinationEdit.setObjectName(u"migrantDestinationEdit")

        self.migrantDestinationBox.addWidget(self.migrantDestinationEdit)

        self.migrantDestinationError = QLabel(self.lostGroup)
        self.migrantDestinationError.setObjectName(u"migrantDestinationError")

        self.migrantDestinationBox.addWidget(self.migrantDestinationError)


        self.lostGroupForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.migrantDestinationBox)

        self.migrantSinceLabel = QLabel(self.lostGroup)
        self.migrantSinceLabel.setObjectName(u"migrantSinceLabel")

        self.lostGroupForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.migrantSinceLabel)

        self.migrantSinceBox = QVBoxLayout()
        self.migrantSinceBox.setSpacing(2)
        self.migrantSinceBox.setObjectName(u"migrantSinceBox")
        self.migrantSinceEdit = QLineEdit(self.lostGroup)
        self.migrantSinceEdit.setObjectName(u"migrantSinceEdit")

        self.migrantSinceBox.addWidget(self.migrantSinceEdit)

        self.migrantSinceError = QLabel(self.lostGroup)
        self.migrantSinceError.setObjectName(u"migrantSinceError")

        self.migrantSinceBox.addWidget(self.migrantSinceError)


        self.lostGroupForm.setLayout(5, QFormLayout.ItemRole.FieldRole, self.migrantSinceBox)


        self.formGrid.addWidget(self.lostGroup, 1, 1, 1, 1)

        self.notesGroup = QGroupBox(self.formContents)
        self.notesGroup.setObjectName(u"notesGroup")
        self.notesGroupLayout = QVBoxLayout(self.notesGroup)
        self.notesGroupLayout.setObjectName(u"notesGroupLayout")
        self.notesEdit = QPlainTextEdit(self.notesGroup)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)

        self.notesGroupLayout.addWidget(self.notesEdit)

        self.notesError = QLabel(self.notesGroup)
        self.notesError.setObjectName(u"notesError")

        self.notesGroupLayout.addWidget(self.notesError)


        self.formGrid.addWidget(self.notesGroup, 2, 0, 1, 2)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.formGrid.addItem(self.bottomSpacer, 3, 0, 1, 1)


        self.scrollContentsLayout.addWidget(self.formContents)

        self.scrollArea.setWidget(self.scrollContents)

        self.mainLayout.addWidget(self.scrollArea)

        self.buttonBox = QDialogButtonBox(MemberEditDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.genderLabel.setBuddy(self.genderCombo)
        self.ethnicityLabel.setBuddy(self.ethnicityCombo)
        self.idTypeLabel.setBuddy(self.idTypeCombo)
        self.idNumberLabel.setBuddy(self.idNumberEdit)
        self.birthDateLabel.setBuddy(self.birthDateEdit)
        self.educationLabel.setBuddy(self.educationCombo)
        self.degreeLabel.setBuddy(self.degreeCombo)
        self.nativePlaceLabel.setBuddy(self.nativePlaceEdit)
        self.categoryLabel.setBuddy(self.categoryCombo)
        self.joinedOnLabel.setBuddy(self.joinedOnEdit)
        self.confirmedOnLabel.setBuddy(self.confirmedOnEdit)
        self.membershipStatusLabel.setBuddy(self.membershipStatusCombo)
        self.partyGroupLabel.setBuddy(self.partyGroupCombo)
        self.partyPostLabel.setBuddy(self.partyPostCombo)
        self.workPostLabel.setBuddy(self.workPostCombo)
        self.workUnitLabel.setBuddy(self.workUnitEdit)
        self.workStartedOnLabel.setBuddy(self.workStartedOnEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.addressLabel.setBuddy(self.addressEdit)
        self.lostSinceLabel.setBuddy(self.lostSinceEdit)
        self.lostCauseLabel.setBuddy(self.lostCauseCombo)
        self.migrantDestinationLabel.setBuddy(self.migrantDestinationEdit)
        self.migrantSinceLabel.setBuddy(self.migrantSinceEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.genderCombo)
        QWidget.setTabOrder(self.genderCombo, self.ethnicityCombo)
        QWidget.setTabOrder(self.ethnicityCombo, self.idTypeCombo)
        QWidget.setTabOrder(self.idTypeCombo, self.idNumberEdit)
        QWidget.setTabOrder(self.idNumberEdit, self.birthDateEdit)
        QWidget.setTabOrder(self.birthDateEdit, self.educationCombo)
        QWidget.setTabOrder(self.educationCombo, self.degreeCombo)
        QWidget.setTabOrder(self.degreeCombo, self.nativePlaceEdit)
        QWidget.setTabOrder(self.nativePlaceEdit, self.categoryCombo)
        QWidget.setTabOrder(self.categoryCombo, self.joinedOnEdit)
        QWidget.setTabOrder(self.joinedOnEdit, self.confirmedOnEdit)
        QWidget.setTabOrder(self.confirmedOnEdit, self.membershipStatusCombo)
        QWidget.setTabOrder(self.membershipStatusCombo, self.partyGroupCombo)
        QWidget.setTabOrder(self.partyGroupCombo, self.partyPostCombo)
        QWidget.setTabOrder(self.partyPostCombo, self.workPostCombo)
        QWidget.setTabOrder(self.workPostCombo, self.workUnitEdit)
        QWidget.setTabOrder(self.workUnitEdit, self.workStartedOnEdit)
        QWidget.setTabOrder(self.workStartedOnEdit, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.addressEdit)
        QWidget.setTabOrder(self.addressEdit, self.lostContactCheck)
        QWidget.setTabOrder(self.lostContactCheck, self.lostSinceEdit)
        QWidget.setTabOrder(self.lostSinceEdit, self.lostCauseCombo)
        QWidget.setTabOrder(self.lostCauseCombo, self.migrantCheck)
        QWidget.setTabOrder(self.migrantCheck, self.migrantDestinationEdit)
        QWidget.setTabOrder(self.migrantDestinationEdit, self.migrantSinceEdit)
        QWidget.setTabOrder(self.migrantSinceEdit, self.notesEdit)

        self.retranslateUi(MemberEditDialog)

        QMetaObject.connectSlotsByName(MemberEditDialog)
    # setupUi

    def retranslateUi(self, MemberEditDialog):
        MemberEditDialog.setWindowTitle(QCoreApplication.translate("MemberEditDialog", u"Member", None))
        self.hintLabel.setText(QCoreApplication.translate("MemberEditDialog", u"Items marked * are required. Dates can be written as 2021-07-01, 2021/7/1 or 2021\u5e747\u67081\u65e5; a date known only to the month or the year as 2019.3 or 1972\u5e74. Birth date and gender are taken from the ID number when left empty or without the day.", None))
        self.basicGroup.setTitle(QCoreApplication.translate("MemberEditDialog", u"Basic information", None))
        self.nameLabel.setText(QCoreApplication.translate("MemberEditDialog", u"* Name:", None))
        self.genderLabel.setText(QCoreApplication.translate("MemberEditDialog", u"Gender:", None))
        self.ethnicityLabel.setText(QCoreApplication.translate("MemberEditDialog", u"Ethnicity:", None))
        self.idTypeLabel.setText(QCoreApplication.translate("MemberEditDialog", u"ID type:", None))
        self.idNumberLabel.setText(QCoreApplication.translate("MemberEditDialog", u"* ID number:", None))
        self.birthDateLabel.setText(QCoreApplication.translate("MemberEditDialog", u"Date of birth:", None))
        self.birthDateEdit.setPlaceholderText(QCoreApplication.translate("MemberEditDialog", u"e.g. 2021-07-01", None))
        self.educationLabel.setText(QCoreApplication.translate("MemberEditDialog", u"Education:", None))
        self.degreeLabel.setText(QCoreApplication.translate("MemberEditDialog", u"Degree:", None))
        self.nativePlaceLabel.setText(QCoreApplication.translate("MemberEditDialog", u"Native place:", None))
        self.partyGroup.setTitle(QCoreApplication.translate("MemberEditDialog", u"Party membership", None))
        self.categoryLabel.setText(QCoreApplication.translate("MemberEditDialog", u"* Category:", None))
        self.joinedOnLabel.setText(QCoreApplication.translate("MemberEditDialog", u"* Joined the Party on:", None))
        self.joinedOnEdit.setPlaceholderText(QCoreApplication.translate("MemberEditDialog", u"e.g. 2021-07-01", None))
        self.confirmedOnLabel.setText(QCoreApplication.translate("MemberEditDialog", u"Full member since:", None))
        self.confirmedOnEdit.setPlaceholderText(QCoreApplication.translate("MemberEditDialog", u"e.g. 2021-07-01", None))
        self.membershipStatusLabel.setText(QCoreApplication.translate("MemberEditDialog", u"Membership status:", None))
        self.partyGroupLabel.setText(QCoreApplication.translate("MemberEditDialog", u"Party group:", None))
        self.partyPostLabel.setText(QCoreApplication.translate("MemberEditDialog", u"Party post:", None))
        self.contactGroup.setTitle(QCoreApplication.translate("MemberEditDialog", u"Work and contact", None))
        self.workPostLabel.setText(QCoreApplication.translate("MemberEditDialog", u"Occupation:", None))
        self.workUnitLabel.setText(QCoreApplication.translate("MemberEditDialog", u"Workplace:", None))
        self.workStartedOnLabel.setText(QCoreApplication.translate("MemberEditDialog", u"Started work:", None))
        self.workStartedOnEdit.setPlaceholderText(QCoreApplication.translate("MemberEditDialog", u"e.g. 2021-07-01", None))
        self.phoneLabel.setText(QCoreApplication.translate("MemberEditDialog", u"Phone:", None))
        self.addressLabel.setText(QCoreApplication.translate("MemberEditDialog", u"Home address:", None))
        self.lostGroup.setTitle(QCoreApplication.translate("MemberEditDialog", u"Lost contact and migration", None))
        self.lostContactCheck.setText(QCoreApplication.translate("MemberEditDialog", u"Has lost contact with the branch", None))
        self.lostSinceLabel.setText(QCoreApplication.translate("MemberEditDialog", u"Lost contact since:", None))
        self.lostSinceEdit.setPlaceholderText(QCoreApplication.translate("MemberEditDialog", u"e.g. 2021-07-01", None))
        self.lostCauseLabel.setText(QCoreApplication.translate("MemberEditDialog", u"Cause:", None))
        self.migrantCheck.setText(QCoreApplication.translate("MemberEditDialog", u"Migrant member (living or working elsewhere)", None))
        self.migrantDestinationLabel.setText(QCoreApplication.translate("MemberEditDialog", u"Gone to:", None))
        self.migrantSinceLabel.setText(QCoreApplication.translate("MemberEditDialog", u"Away since:", None))
        self.migrantSinceEdit.setPlaceholderText(QCoreApplication.translate("MemberEditDialog", u"e.g. 2021-07-01", None))
        self.notesGroup.setTitle(QCoreApplication.translate("MemberEditDialog", u"Notes", None))
    # retranslateUi

