<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Party Branch Desk</source>
        <translation>关于党支部工作台</translation>
    </message>
    <message>
        <source>Party Branch Desk</source>
        <translation>党支部工作台</translation>
    </message>
    <message>
        <source>Roster, meetings, study records and reports for a Party branch office. Works offline; your data stays on this computer.</source>
        <translation>党员花名册、会议记录、学习培训与报表，供党支部日常工作使用。无需联网，数据只保存在本机。</translation>
    </message>
    <message>
        <source>Versions and files</source>
        <translation>版本与文件</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <source>Python:</source>
        <translation>Python：</translation>
    </message>
    <message>
        <source>Qt:</source>
        <translation>Qt：</translation>
    </message>
    <message>
        <source>PySide6:</source>
        <translation>PySide6：</translation>
    </message>
    <message>
        <source>SQLite:</source>
        <translation>SQLite：</translation>
    </message>
    <message>
        <source>Database file:</source>
        <translation>数据库文件：</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>数据文件夹：</translation>
    </message>
    <message>
        <source>Log folder:</source>
        <translation>日志文件夹：</translation>
    </message>
    <message>
        <source>Backup folder:</source>
        <translation>备份文件夹：</translation>
    </message>
    <message>
        <source>For internal use by Party organisations. Built with Qt and PySide6 (LGPL v3), SQLite (public domain), SQLAlchemy and alembic (MIT), matplotlib (matplotlib licence, BSD-style), python-calamine (MIT), XlsxWriter (BSD 2-Clause), python-docx (MIT), cryptography (Apache 2.0 / BSD), platformdirs (MIT) and pypinyin (MIT).</source>
        <translation>供党组织内部使用。本程序使用了 Qt 和 PySide6（LGPL v3）、SQLite（公有领域）、SQLAlchemy 和 alembic（MIT）、matplotlib（matplotlib 许可证，BSD 风格）、python-calamine（MIT）、XlsxWriter（BSD 2-Clause）、python-docx（MIT）、cryptography（Apache 2.0 / BSD）、platformdirs（MIT）和 pypinyin（MIT）。</translation>
    </message>
</context>
<context>
    <name>AskDelete</name>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>AttendanceModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Vote</source>
        <translation>表决权</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>出席</translation>
    </message>
    <message>
        <source>On leave</source>
        <translation>请假</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>缺席</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>请假或缺席原因</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>有</translation>
    </message>
    <message>
        <source>No vote</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Probationary members and members under probation within the Party have no vote; they attend but are not counted for the quorum.</source>
        <translation>预备党员和受留党察看处分的党员没有表决权：参加会议，但不计入法定人数。</translation>
    </message>
</context>
<context>
    <name>AttendancePanel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Work unit or role</source>
        <translation>单位或职务</translation>
    </message>
    <message>
        <source>All present</source>
        <translation>全部出席</translation>
    </message>
    <message>
        <source>Everyone present but members marked on leave here and members marked as lost contact</source>
        <translation>除已标为请假的党员和档案中标为失联的党员外，全部标为出席</translation>
    </message>
    <message>
        <source>Add guest</source>
        <translation>添加列席人员</translation>
    </message>
    <message>
        <source>Remove guest</source>
        <translation>删除列席人员</translation>
    </message>
    <message>
        <source>Non-member attendees:</source>
        <translation>列席人员：</translation>
    </message>
    <message>
        <source>On leave</source>
        <translation>请假</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>缺席</translation>
    </message>
    <message>
        <source>The chair, {name}, is marked “{status}” in the list: please check.</source>
        <translation>主持人{name}在名单中记为“{status}”，请核对。</translation>
    </message>
    <message>
        <source>The recorder, {name}, is marked “{status}” in the list: please check.</source>
        <translation>记录人{name}在名单中记为“{status}”，请核对。</translation>
    </message>
    <message>
        <source>{names} lost contact with the branch by their record, yet are marked present: did they really attend?</source>
        <translation>{names}在花名册中是失联党员，这里却记为“出席”：确实到会了吗？请核对。</translation>
    </message>
    <message>
        <source>{names} are migrant members away from here, yet are marked present: did they really attend?</source>
        <translation>{names}是外出的流动党员，这里却记为“出席”：确实到会了吗？请核对。</translation>
    </message>
    <message>
        <source>Expected %1, present %2 (with a vote: %3 of %4).</source>
        <translation>应到 %1 人，实到 %2 人（有表决权的应到 %4 人，实到 %3 人）。</translation>
    </message>
    <message>
        <source>Quorum met.</source>
        <translation>到会人数符合规定。</translation>
    </message>
    <message>
        <source>Quorum NOT met: more than half must attend.</source>
        <translation>到会人数不足：须超过半数，会议不能作出决定。</translation>
    </message>
</context>
<context>
    <name>AttendanceRatesModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>应到</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>出席</translation>
    </message>
    <message>
        <source>On leave</source>
        <translation>请假</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>缺席</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>出勤率</translation>
    </message>
    <message>
        <source>Absent in a row</source>
        <translation>连续缺席</translation>
    </message>
    <message>
        <source>Absent without leave from the last {n} meetings in a row</source>
        <translation>最近连续 {n} 次无故缺席</translation>
    </message>
    <message>
        <source>{n} times</source>
        <translation>{n} 次</translation>
    </message>
</context>
<context>
    <name>AttendanceRatesPanel</name>
    <message>
        <source>{n} members expected at meetings this year. </source>
        <translation>本年度应参加会议的党员 {n} 名。</translation>
    </message>
    <message>
        <source>Absent three or more times in a row: {names}</source>
        <translation>连续三次及以上无故缺席：{names}</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>年份(&amp;Y)：</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Save this year&apos;s attendance as a printable Excel sheet</source>
        <translation>把这一年的出勤统计保存为可打印的 Excel 表格</translation>
    </message>
    <message>
        <source> </source>
        <comment>year suffix</comment>
        <translation> 年</translation>
    </message>
</context>
<context>
    <name>BranchFilter</name>
    <message>
        <source>All branches</source>
        <translation>全部支部</translation>
    </message>
    <message>
        <source>&amp;Branch:</source>
        <translation>支部(&amp;B)：</translation>
    </message>
</context>
<context>
    <name>CardPrintButton</name>
    <message>
        <source>Print card</source>
        <translation>打印信息卡</translation>
    </message>
    <message>
        <source>ID and phone numbers on the cards are printed in full only while “Show full numbers” is ticked.</source>
        <translation>信息卡上的公民身份号码和联系电话，只有勾选“显示完整号码”时才完整打印。</translation>
    </message>
    <message>
        <source>Save as PDF (full numbers)…</source>
        <translation>保存为 PDF（完整号码）…</translation>
    </message>
    <message>
        <source>Print (full numbers)…</source>
        <translation>打印（完整号码）…</translation>
    </message>
    <message>
        <source>All members&apos; cards as one PDF (full numbers)…</source>
        <translation>打印全部党员信息卡（一个 PDF，完整号码）…</translation>
    </message>
    <message>
        <source>Save as PDF (numbers partly hidden)…</source>
        <translation>保存为 PDF（号码部分隐藏）…</translation>
    </message>
    <message>
        <source>Print (numbers partly hidden)…</source>
        <translation>打印（号码部分隐藏）…</translation>
    </message>
    <message>
        <source>All members&apos; cards as one PDF (numbers partly hidden)…</source>
        <translation>打印全部党员信息卡（一个 PDF，号码部分隐藏）…</translation>
    </message>
</context>
<context>
    <name>CardPrinter</name>
    <message>
        <source>Save member card as PDF</source>
        <translation>把党员信息卡保存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>The PDF could not be saved to {path}. Check that the folder exists, that the file is not open in another program, and that the disk is not full.</source>
        <translation>无法把 PDF 保存到 {path}。请检查文件夹是否存在、文件是否正被其他程序打开、磁盘是否已满。</translation>
    </message>
    <message>
        <source>Member card</source>
        <translation>党员信息卡</translation>
    </message>
    <message>
        <source>Print member card</source>
        <translation>打印党员信息卡</translation>
    </message>
    <message>
        <source>This member no longer exists; it may have been deleted.</source>
        <translation>找不到这名党员，可能已被删除。</translation>
    </message>
    <message>
        <source>Member card saved: {path}</source>
        <translation>党员信息卡已保存：{path}</translation>
    </message>
    <message>
        <source>The member card is saved:</source>
        <translation>党员信息卡已保存：</translation>
    </message>
    <message>
        <source>There are no members to print.</source>
        <translation>没有可打印的党员。</translation>
    </message>
    <message>
        <source>{count} members</source>
        <translation>{count}人</translation>
    </message>
    <message>
        <source>Member cards saved: {path}</source>
        <translation>党员信息卡已保存：{path}</translation>
    </message>
    <message>
        <source>The members&apos; cards are saved:</source>
        <translation>党员信息卡已保存：</translation>
    </message>
</context>
<context>
    <name>CertEditDialog</name>
    <message>
        <source>Add a certification</source>
        <translation>登记技能证书</translation>
    </message>
    <message>
        <source>Record a member&apos;s certification or professional qualification. Leave the expiry empty when it does not expire; the to-do list reminds you before one expires.</source>
        <translation>登记党员的技能证书或职业资格。长期有效的证书不填有效期；证书到期前，待办事项会提醒。</translation>
    </message>
    <message>
        <source>Member *</source>
        <translation>党员 *</translation>
    </message>
    <message>
        <source>Certification or qualification *</source>
        <translation>证书或资格 *</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>发证机关</translation>
    </message>
    <message>
        <source>Obtained on</source>
        <translation>取得日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Correct a certification</source>
        <translation>修改证书</translation>
    </message>
</context>
<context>
    <name>ChartCanvas</name>
    <message>
        <source>Save as PNG image…</source>
        <translation>另存为 PNG 图片…</translation>
    </message>
    <message>
        <source>Save as SVG…</source>
        <translation>另存为 SVG 矢量图…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <source>The chart could not be saved to {path}. Check that the folder exists and the disk is not full.</source>
        <translation>图表未能保存到 {path}。请检查文件夹是否存在、磁盘是否已满。</translation>
    </message>
    <message>
        <source>Chart saved: {path}</source>
        <translation>图表已保存：{path}</translation>
    </message>
    <message>
        <source>The chart is saved:</source>
        <translation>图表已保存：</translation>
    </message>
</context>
<context>
    <name>ComplianceCalendar</name>
    <message>
        <source>{total} periods: {held} held, {missing} missing, {coming} still to come</source>
        <translation>共 {total} 个周期：已召开 {held} 个，未召开 {missing} 个，待召开 {coming} 个</translation>
    </message>
    <message>
        <source>; {before} before the records began, not counted</source>
        <translation>；另有启用前的 {before} 个周期，不计</translation>
    </message>
    <message>
        <source>Record another…</source>
        <translation>再记录一次…</translation>
    </message>
    <message>
        <source>◀ Previous year</source>
        <translation>◀ 上一年</translation>
    </message>
    <message>
        <source>Next year ▶</source>
        <translation>下一年 ▶</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source> </source>
        <comment>year suffix</comment>
        <translation> 年</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>已召开</translation>
    </message>
    <message>
        <source>Missing (period over)</source>
        <translation>未召开（期限已过）</translation>
    </message>
    <message>
        <source>Due (period still open) — recorded by the branch</source>
        <translation>待召开（尚在期限内）— 由支部记录后报送</translation>
    </message>
    <message>
        <source>Due (period still open) — click a cell to record</source>
        <translation>待召开（尚在期限内）— 点击格子即可记录</translation>
    </message>
    <message>
        <source>Before the records began (not counted)</source>
        <translation>启用前（不计）</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Conflicts to decide</source>
        <translation>待处理的冲突</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>信息项</translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation>本机的版本</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>收到的版本</translation>
    </message>
    <message>
        <source>Keep this computer&apos;s version</source>
        <translation>保留本机的版本</translation>
    </message>
    <message>
        <source>Take the version that arrived</source>
        <translation>采用收到的版本</translation>
    </message>
    <message>
        <source>Show full numbers</source>
        <translation>显示完整号码</translation>
    </message>
    <message>
        <source>No conflict is waiting.</source>
        <translation>没有待处理的冲突。</translation>
    </message>
    <message>
        <source>this computer&apos;s version</source>
        <translation>本机的版本</translation>
    </message>
    <message>
        <source>the version that arrived</source>
        <translation>收到的版本</translation>
    </message>
    <message>
        <source>For “{title}”, keep {kept} and throw away {gone}? It cannot be had back.</source>
        <translation>“{title}”：确定保留{kept}、舍弃{gone}吗？舍弃后不能恢复。</translation>
    </message>
</context>
<context>
    <name>CountAsStudyButton</name>
    <message>
        <source>Counted as study</source>
        <translation>已计入学习</translation>
    </message>
    <message>
        <source>This meeting&apos;s hours are already on the study ledger.</source>
        <translation>这次会议的学时已计入学时台账。</translation>
    </message>
    <message>
        <source>Count as study…</source>
        <translation>计为学习…</translation>
    </message>
    <message>
        <source>Credit the members present at this party lecture, theme party day or party-group study with study hours</source>
        <translation>把这次党课、主题党日或党小组学习计入出席党员的学时</translation>
    </message>
</context>
<context>
    <name>CountMeetingDialog</name>
    <message>
        <source>Count a meeting as study</source>
        <translation>从会议导入学习</translation>
    </message>
    <message>
        <source>Party lectures, theme party days and party-group study recorded as meetings in {year}. Counting one credits its hours to every member present; a meeting is counted only once.</source>
        <translation>{year}年已作为会议记录的党课、主题党日和党小组学习。计为学习后，出席的党员每人计入学时；每次会议只能计入一次。</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>已计入</translation>
    </message>
    <message>
        <source>Not counted</source>
        <translation>未计入</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>出席</translation>
    </message>
    <message>
        <source>Hours counted</source>
        <translation>计入学时</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Search topic or type</source>
        <translation>搜索主题或类型</translation>
    </message>
    <message>
        <source>No party lecture, theme party day or party-group study is recorded as a meeting in {year}. Record it on the Meetings page first.</source>
        <translation>{year}年还没有记录党课、主题党日或党小组学习。请先在“会议”页记录会议。</translation>
    </message>
    <message>
        <source>&amp;Hours per member present:</source>
        <translation>每名出席党员计入学时(&amp;H)：</translation>
    </message>
    <message>
        <source>Count as study</source>
        <translation>计为学习</translation>
    </message>
    <message>
        <source>This meeting is already counted as study.</source>
        <translation>这次会议已计入学时。</translation>
    </message>
    <message>
        <source>Nobody is recorded present at this meeting: open it on the Meetings page and record the attendance first.</source>
        <translation>这次会议没有记录出席的党员：请先在“会议”页打开它，登记出席情况。</translation>
    </message>
    <message>
        <source>{count} member(s) present will be credited {hours} hours each.</source>
        <translation>出席的 {count} 名党员将各计 {hours} 学时。</translation>
    </message>
    <message>
        <source>This meeting is already counted as study; it cannot be counted twice.</source>
        <translation>这次会议已经计入学时，不能重复计入。</translation>
    </message>
    <message>
        <source>Counted “{topic}” as study: {count} member(s) credited {hours} hours each.</source>
        <translation>已把“{topic}”计入学时：{count} 名党员各计 {hours} 学时。</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Copied.</source>
        <translation>已复制。</translation>
    </message>
    <message>
        <source>Log file: {path}</source>
        <translation>日志文件：{path}</translation>
    </message>
    <message>
        <source>The log file could not be written.</source>
        <translation>未能写入日志文件。</translation>
    </message>
    <message>
        <source>Could not finish</source>
        <translation>无法完成操作</translation>
    </message>
    <message>
        <source>Program error</source>
        <translation>程序出错</translation>
    </message>
    <message>
        <source>Sorry, something went wrong in the program.</source>
        <translation>非常抱歉，程序出现了错误。</translation>
    </message>
    <message>
        <source>Records you had already saved are safe. Please close the program and open it again. If this keeps happening, click &quot;Copy details&quot; and send them to whoever looks after this computer. The details contain no personal data.</source>
        <translation>之前已保存的数据不会丢失。请关闭程序后重新打开。如果问题反复出现，请点击“复制详细信息”，发给负责维护这台电脑的同志。详细信息中不含任何个人信息。</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>Please fill in {field}</source>
        <translation>请填写{field}</translation>
    </message>
    <message>
        <source>{field} gives only the year and month; please add the day</source>
        <translation>{field}只写到月，请补全日</translation>
    </message>
    <message>
        <source>{field} gives only the year; please add the month and day</source>
        <translation>{field}只写到年，请补全月和日</translation>
    </message>
    <message>
        <source>Choose on a calendar ({keys})</source>
        <translation>在日历上选择（{keys}）</translation>
    </message>
    <message>
        <source>e.g. 2021.7.1</source>
        <translation>例如 2021.7.1</translation>
    </message>
    <message>
        <source>e.g. 2021.7.1 or 2019.3</source>
        <translation>例如 2021.7.1 或 2019.3</translation>
    </message>
</context>
<context>
    <name>DiscardGuard</name>
    <message>
        <source>Discard the changes you have not saved?</source>
        <translation>放弃尚未保存的修改吗？</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
</context>
<context>
    <name>DraftKeeper</name>
    <message>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>Dis&amp;card</source>
        <translation>丢弃(&amp;C)</translation>
    </message>
</context>
<context>
    <name>EarlierHoursDialog</name>
    <message>
        <source>These earlier hours were being typed and not saved (kept automatically at {when}). Restore what was typed?</source>
        <translation>补录的此前学时上次填写后没有保存（程序于 {when} 自动留存了草稿），可能因断电或程序意外关闭。要恢复当时填写的内容吗？</translation>
    </message>
    <message>
        <source>{count} members, {hours} study hours</source>
        <translation>{count} 名党员，共 {hours} 学时</translation>
    </message>
    <message>
        <source>The roster has no members yet: add or import them on the Members page first.</source>
        <translation>花名册里还没有党员：请先在“党员”页新增或导入。</translation>
    </message>
    <message>
        <source>No member was on the roll in this period.</source>
        <translation>这段时间里没有在册党员。</translation>
    </message>
    <message>
        <source>{given} of {total} members have hours, {hours} study hours in all. Members left empty get none.</source>
        <translation>{total} 名党员中已填 {given} 名，合计 {hours} 学时；空着的不计学时。</translation>
    </message>
    <message>
        <source>Type the hours of at least one member.</source>
        <translation>请至少填写一名党员的学时。</translation>
    </message>
    <message>
        <source>{name}&apos;s {hours} hours are more than {limit}: please check.</source>
        <translation>{name}的 {hours} 学时超过了 {limit}，请核对。</translation>
    </message>
    <message>
        <source>Earlier hours saved: {count} members, {hours} study hours in all.</source>
        <translation>已补录 {count} 名党员此前的学时，合计 {hours} 学时。</translation>
    </message>
    <message>
        <source>Correct the earlier study hours</source>
        <translation>更正补录的学时</translation>
    </message>
    <message>
        <source>Enter earlier study hours</source>
        <translation>补录此前学时</translation>
    </message>
    <message>
        <source>The hours entered from the old ledger, member by member: change a number, or empty it to take the member off, and save.</source>
        <translation>按原台账补录的各人学时：改正数字，或清空以去掉这名党员，然后保存。</translation>
    </message>
    <message>
        <source>The hours members already had this year before the program was used, as the old ledger has them: type each member&apos;s number and press Enter for the next. They are saved as one study record of the form chosen, listed with the year&apos;s activities; open it there to correct it.</source>
        <translation>启用本程序之前、本年度党员已有的学时，照原来的台账填写：输入一名党员的学时后按回车，转到下一名。保存后作为一条所选形式的学习记录，列在本年度的“学习活动”中；需要更正时在那里打开它。</translation>
    </message>
    <message>
        <source>&amp;Form:</source>
        <translation>学习形式(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>时间段(&amp;P)：</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Party group</source>
        <translation>党小组</translation>
    </message>
    <message>
        <source>Earlier hours</source>
        <translation>此前学时</translation>
    </message>
    <message>
        <source>&amp;Same for everyone:</source>
        <translation>统一填写(&amp;S)：</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> 学时</translation>
    </message>
    <message>
        <source>Fill the empty lines</source>
        <translation>填入空着的行</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Restore unsaved earlier study hours?</source>
        <translation>恢复未保存的此前学时？</translation>
    </message>
    <message>
        <source>The study hours members already had were being typed and not saved (kept automatically at {when}). Open them now to finish?</source>
        <translation>有一份补录此前学时填写到一半还没有保存（已于 {when} 自动保留）。现在打开接着填完吗？</translation>
    </message>
</context>
<context>
    <name>EventWithdrawDialog</name>
    <message>
        <source>Withdraw an entry</source>
        <translation>撤销变动记录</translation>
    </message>
    <message>
        <source>Withdraw “{entry}” from the history of {name}?</source>
        <translation>要从{name}的变动记录中撤销“{entry}”吗？</translation>
    </message>
    <message>
        <source>Use this only for an entry recorded by mistake. The entry leaves the history, and the member&apos;s status is worked out again from the other entries. The reason is kept with the record.</source>
        <translation>仅用于误录的记录。撤销后，这条记录不再显示在变动记录中，党员的状态将根据其余记录重新计算。撤销原因会随记录保留。</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>撤销原因：</translation>
    </message>
    <message>
        <source>Required, e.g. recorded for the wrong member</source>
        <translation>必填，例如：录到了别的党员名下</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤销记录</translation>
    </message>
</context>
<context>
    <name>ExchangePage</name>
    <message>
        <source>This office ({code}) — key fingerprint: {fingerprint}</source>
        <translation>本单位（{code}）密钥指纹：{fingerprint}</translation>
    </message>
    <message>
        <source>{count} conflict(s) wait for a decision: the local version is kept until then.</source>
        <translation>有 {count} 条冲突等待处理：处理之前保留本地版本。</translation>
    </message>
    <message>
        <source>Register the other office&apos;s key card first (Register a key card…): a package is written for a registered office only.</source>
        <translation>请先登记对方的密钥卡（“登记对方密钥卡…”）：数据包只能发给已登记的单位。</translation>
    </message>
    <message>
        <source>Notices ({count} unread)</source>
        <translation>通知（{count} 份未读）</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Save the key card</source>
        <translation>保存密钥卡</translation>
    </message>
    <message>
        <source>Key cards (*.pdkey)</source>
        <translation>密钥卡 (*.pdkey)</translation>
    </message>
    <message>
        <source>Key card written</source>
        <translation>密钥卡已写出</translation>
    </message>
    <message>
        <source>The key card was saved to {path}.
Give it to the other office and read them this fingerprint by phone:

{fingerprint}</source>
        <translation>密钥卡已保存到 {path}。
请把它交给对方，并通过电话向对方念出下面的指纹：

{fingerprint}</translation>
    </message>
    <message>
        <source>Choose the other office&apos;s key card</source>
        <translation>选择对方的密钥卡</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Compare the fingerprint</source>
        <translation>核对指纹</translation>
    </message>
    <message>
        <source>The computer&apos;s clock now reads {now}. Check it against your phone first: if the date or time is wrong, correct the computer&apos;s clock instead, and do not go on.</source>
        <translation>电脑现在显示的时间是 {now}。请先对照手机核对：如果日期或时间不对，请改正电脑的时间，不要继续。</translation>
    </message>
    <message>
        <source>If it is right, the {count} record(s) dated in the future take the time now as their time of change, and the next package sends them again.</source>
        <translation>核对无误后，这 {count} 条记录改用现在的时间，下次导出数据包时会重新发给对方单位。</translation>
    </message>
    <message>
        <source>If it is right, the program goes on from the time now, and what is entered from now on is no longer refused.</source>
        <translation>核对无误后，程序从现在的时间接着计时，以后录入的记录不再被对方单位拒收。</translation>
    </message>
    <message>
        <source>Mend the dates of change</source>
        <translation>校正修改时间</translation>
    </message>
    <message>
        <source>Dates of change mended</source>
        <translation>已校正修改时间</translation>
    </message>
    <message>
        <source>{count} record(s) now carry the time of today; the next package sends them again.</source>
        <translation>已把 {count} 条记录的修改时间改为现在；下次导出数据包时会重新发给对方单位。</translation>
    </message>
    <message>
        <source>The program goes on from the time now.</source>
        <translation>程序已从现在的时间接着计时。</translation>
    </message>
    <message>
        <source>Another computer with code {code} is registered already ({name}). If that office set the program up again, ask it to restore its backup there instead (File → Restore from a backup…): a new installation sends its records as a second set, and everyone would be on two rolls here.</source>
        <translation>已登记过代码为 {code} 的另一台电脑（{name}）。如果对方是重新安装了本程序，请让对方改为在那台电脑上从备份恢复（文件 → 从备份恢复…）：新安装的程序会把记录作为另一套数据报来，本机名册上每个人都会出现两次。</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>已登记</translation>
    </message>
    <message>
        <source>{name} is registered.</source>
        <translation>已登记“{name}”。</translation>
    </message>
    <message>
        <source>The exchange records could not be read.</source>
        <translation>数据交换记录未能读出。</translation>
    </message>
    <message>
        <source>{office} (as the file says)</source>
        <translation>{office}（文件所称，未核实）</translation>
    </message>
    <message>
        <source>Not known (file {name})</source>
        <translation>不明（文件 {name}）</translation>
    </message>
    <message>
        <source>The branches&apos; figures could not be read.</source>
        <translation>各支部的数字未能读出。</translation>
    </message>
    <message>
        <source>Gathering each branch&apos;s figures…</source>
        <translation>正在汇总各支部的数字……</translation>
    </message>
    <message>
        <source>Registered already</source>
        <translation>已经登记过</translation>
    </message>
    <message>
        <source>{name} (code {code}) is registered already with this key card (fingerprint {fingerprint}). Nothing was changed.</source>
        <translation>“{name}”（代码 {code}）已经用这张密钥卡登记过（指纹 {fingerprint}），无需再登记，什么也没有改动。</translation>
    </message>
    <message>
        <source>{name} (code {code}).

Fingerprint on the card:
{fingerprint}

Is this exactly the fingerprint the other office read to you? Choose Yes to register it only if every character matches.</source>
        <translation>{name}（组织代码 {code}）。

密钥卡上的指纹：
{fingerprint}

这与对方在电话里告知的指纹完全一致吗？只有每个字符都一致时才选“是”登记。</translation>
    </message>
    <message>
        <source>{name} is registered already with another key ({old}). This card is its new key: once it is registered the old key stops, and packages written with it and not yet imported are refused (ask for them again).</source>
        <translation>“{name}”已经用另一个密钥登记过（指纹 {old}）。这张密钥卡是对方的新密钥：登记后旧密钥停用，对方用旧密钥写出、尚未导入的数据包将被拒收，需请对方重新导出。</translation>
    </message>
    <message>
        <source>Its old key ({old}) is no longer accepted.</source>
        <translation>对方原来的密钥（指纹 {old}）已停用：此后用它签名的数据包一律拒收。</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>组织代码</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>党组织</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>reports to us</source>
        <translation>下级</translation>
    </message>
    <message>
        <source>we report to it</source>
        <translation>上级</translation>
    </message>
    <message>
        <source>Last received</source>
        <translation>最近收到</translation>
    </message>
    <message>
        <source>Last sent</source>
        <translation>最近发出</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>密钥指纹</translation>
    </message>
    <message>
        <source>this office</source>
        <translation>本单位</translation>
    </message>
    <message>
        <source>nothing sent yet</source>
        <translation>尚未报送</translation>
    </message>
    <message>
        <source>{days} day(s) ago</source>
        <translation>{days} 天前</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>党员数</translation>
    </message>
    <message>
        <source>Meetings held / required</source>
        <translation>已开会议 / 应开</translation>
    </message>
    <message>
        <source>Study on track</source>
        <translation>学时进度达标率</translation>
    </message>
    <message>
        <source>To-dos</source>
        <translation>待办事项</translation>
    </message>
    <message>
        <source>{all} ({overdue} overdue)</source>
        <translation>{all}（逾期 {overdue}）</translation>
    </message>
    <message>
        <source>Counted as this office&apos;s workbench lists them: a branch&apos;s overdue meetings of one kind are one to-do, meetings falling due soon and what only the branch&apos;s own computer knows (its backups, our notices) are left out. The branch&apos;s own workbench so shows more.</source>
        <translation>按本单位工作台的口径计数：一个支部同一类逾期的会议合为一条；即将到期的会议，以及只有支部自己电脑上才有的事项（U盘备份、上级通知）不计在内。所以支部自己的工作台上显示的数目会多一些。</translation>
    </message>
    <message>
        <source>Last package</source>
        <translation>最近报送</translation>
    </message>
    <message>
        <source>A receipt: no confirmation comes back for it</source>
        <translation>回执：对方收到后无需再确认</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>in</source>
        <translation>收</translation>
    </message>
    <message>
        <source>out</source>
        <translation>发</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Other office</source>
        <translation>对方单位</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录数</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Packages and offices</source>
        <translation>数据包与单位</translation>
    </message>
    <message>
        <source>Branches compared</source>
        <translation>各支部对比</translation>
    </message>
    <message>
        <source>Key card…</source>
        <translation>密钥卡…</translation>
    </message>
    <message>
        <source>Register a key card…</source>
        <translation>登记对方密钥卡…</translation>
    </message>
    <message>
        <source>Mend the dates…</source>
        <translation>校正修改时间…</translation>
    </message>
    <message>
        <source>Decide the conflicts…</source>
        <translation>处理冲突…</translation>
    </message>
    <message>
        <source>Registered offices</source>
        <translation>已登记的单位</translation>
    </message>
    <message>
        <source>Packages in and out</source>
        <translation>收发的数据包</translation>
    </message>
    <message>
        <source>Branches compared (this year)</source>
        <translation>各支部对比（本年度）</translation>
    </message>
    <message>
        <source>Double-click a branch (or press Enter) to see its figures, charts and to-dos on the workbench.</source>
        <translation>双击一个支部（或按 Enter），在工作台上查看它的数字、图表和待办事项。</translation>
    </message>
    <message>
        <source>To-dos are counted as this office&apos;s workbench lists them (a branch&apos;s overdue meetings of one kind as one; meetings falling due soon and reminders only the branch&apos;s computer knows left out): the branch&apos;s own workbench shows more.</source>
        <translation>待办数按本单位工作台的口径计：一个支部同一类逾期的会议合为一条，即将到期的会议和只有支部电脑上才有的提醒（如U盘备份）不计在内，所以比支部自己工作台上显示的少。</translation>
    </message>
    <message>
        <source>No office is registered yet. Write this office&apos;s key card, give it to the other office, and register theirs after comparing the fingerprint by phone.</source>
        <translation>还没有登记任何单位。请先写出本单位的密钥卡交给对方，再在电话核对指纹后登记对方的密钥卡。</translation>
    </message>
    <message>
        <source>No package written or imported yet.</source>
        <translation>还没有导出或导入过数据包。</translation>
    </message>
    <message>
        <source>Search code or name</source>
        <translation>搜索组织代码或名称</translation>
    </message>
    <message>
        <source>No branch is registered yet. Register each branch&apos;s key card on the first tab; its figures show here once its first package is imported.</source>
        <translation>还没有登记任何支部。请在“数据包与单位”页用“登记对方密钥卡…”登记各支部的密钥卡；导入支部的第一个数据包后，这里就会显示它的情况。</translation>
    </message>
    <message>
        <source>&amp;Write a package…</source>
        <translation>导出数据包(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Import a package…</source>
        <translation>导入数据包(&amp;I)…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Write a package</source>
        <translation>导出数据包</translation>
    </message>
    <message>
        <source>Changes since the last confirmed package</source>
        <translation>对方确认收到上一个数据包以后的新变动（平时选这一项）</translation>
    </message>
    <message>
        <source>Every branch (one package each)</source>
        <translation>全部下级（每个单位一个数据包）</translation>
    </message>
    <message>
        <source>Everything again (a full copy, when the other office asks for one)</source>
        <translation>重新发送全部记录（对方要求时才用）</translation>
    </message>
    <message>
        <source>Insert the USB stick, or choose a folder</source>
        <translation>请插入U盘，或选择一个文件夹</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>USB stick found: {path}</source>
        <translation>已找到U盘：{path}</translation>
    </message>
    <message>
        <source>No USB stick found: the folder used last time is filled in; check it is the stick.</source>
        <translation>没有找到U盘：已填入上次用过的文件夹，请确认它就是U盘。</translation>
    </message>
    <message>
        <source>No USB stick found: choose the folder yourself.</source>
        <translation>没有找到U盘：请自己选择文件夹。</translation>
    </message>
    <message>
        <source>&amp;Send to:</source>
        <translation>发给(&amp;S)：</translation>
    </message>
    <message>
        <source>What:</source>
        <translation>内容：</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>文件夹(&amp;F)：</translation>
    </message>
    <message>
        <source>Everything not yet confirmed (the first package carries every record)</source>
        <translation>对方尚未确认收到的全部内容（第一次会包含全部记录）</translation>
    </message>
    <message>
        <source>Choose the USB stick or folder</source>
        <translation>选择U盘或文件夹</translation>
    </message>
    <message>
        <source>The folder {path} is not there: is the USB stick plugged in? Choose the folder again (Browse…). Nothing was written.</source>
        <translation>找不到文件夹 {path}：U盘是否已插好？请重新选择文件夹（浏览…）。没有写出任何文件。</translation>
    </message>
    <message>
        <source>Writing and checking the packages…</source>
        <translation>正在写出并核对数据包……</translation>
    </message>
    <message>
        <source>Writing and checking the package…</source>
        <translation>正在写出并核对数据包……</translation>
    </message>
    <message>
        <source>Cancelled: no package was written.</source>
        <translation>已取消：没有写出数据包。</translation>
    </message>
    <message>
        <source>The package was written and read back: it is complete and its signature checks.

File: {path}
No. {seq} to {office}: {contents}.</source>
        <translation>数据包已写好，并已从U盘读回核对：文件完好无损。

文件：{path}
发给 {office} 的第 {seq} 号数据包：{contents}。</translation>
    </message>
    <message>
        <source>{office}: No. {seq}, {contents}</source>
        <translation>{office}：第 {seq} 号，{contents}</translation>
    </message>
    <message>
        <source>a receipt, confirming receipt of {count} of their packages</source>
        <translation>回执，确认收到对方 {count} 个数据包</translation>
    </message>
    <message>
        <source>no records</source>
        <translation>没有记录</translation>
    </message>
    <message>
        <source>, confirming receipt of {count} of their packages</source>
        <translation>，确认收到对方 {count} 个数据包</translation>
    </message>
    <message>
        <source>It is now safe to remove the USB stick.</source>
        <translation>现在可以安全拔出U盘。</translation>
    </message>
    <message>
        <source>Receipts, and the notices, study materials and corrections waiting to go to each branch</source>
        <translation>回执，以及等待下发给各支部的通知、学习资料和更正</translation>
    </message>
    <message>
        <source>Receipts for the packages received from it, and the notices, study materials and corrections waiting to go to it</source>
        <translation>对收到的数据包的回执，以及等待下发给该支部的通知、学习资料和更正</translation>
    </message>
    <message>
        <source>{count} package(s) written, each read back and checked:</source>
        <translation>已写出 {count} 个数据包，每个都已从U盘读回核对，文件完好：</translation>
    </message>
    <message>
        <source>No package was written:</source>
        <translation>没有写出数据包：</translation>
    </message>
    <message>
        <source>{office}: not written. {why}</source>
        <translation>{office}：未写出。{why}</translation>
    </message>
    <message>
        <source>Folder: {path}</source>
        <translation>文件夹：{path}</translation>
    </message>
    <message>
        <source>Cancelled: the other branches&apos; packages were not written.</source>
        <translation>已取消：其余单位的数据包没有写出。</translation>
    </message>
</context>
<context>
    <name>ExportLayoutDialog</name>
    <message>
        <source>Export roster</source>
        <translation>导出花名册</translation>
    </message>
    <message>
        <source>Complete (every field, for data exchange and import)</source>
        <translation>完整版（全部信息项，用于交换数据和再次导入）</translation>
    </message>
    <message>
        <source>For submission (print layout with sign-off lines)</source>
        <translation>报送版（打印盖章上报用，含签字栏）</translation>
    </message>
    <message>
        <source>Columns printed after the line number:</source>
        <translation>序号之后打印的列：</translation>
    </message>
    <message>
        <source>Contact person in the organisation details</source>
        <translation>默认为组织信息中的联系人</translation>
    </message>
    <message>
        <source>Prepared by:</source>
        <translation>制表人：</translation>
    </message>
</context>
<context>
    <name>FileRestore</name>
    <message>
        <source>Choose a backup</source>
        <translation>选择备份文件</translation>
    </message>
    <message>
        <source>Backups (*.pdbak *.db);;USB backups (*.pdbak);;Backup files (*.db)</source>
        <translation>备份文件 (*.pdbak *.db);;U盘备份 (*.pdbak);;数据库备份 (*.db)</translation>
    </message>
    <message>
        <source>USB backup of {name} made on {when} ({members} members).</source>
        <translation>“{name}”{when} 的U盘备份（{members}名党员）。</translation>
    </message>
    <message>
        <source>The passphrase is wrong. Type it again:</source>
        <translation>口令不对，请再输一次：</translation>
    </message>
    <message>
        <source>Type the passphrase set when it was made:</source>
        <translation>请输入备份时设定的口令：</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Restore it anyway?</source>
        <translation>仍要恢复吗？</translation>
    </message>
    <message>
        <source>Opening the USB backup</source>
        <translation>正在打开U盘备份</translation>
    </message>
    <message>
        <source>Restore the backup of {name} made on {when} ({members} members)?</source>
        <translation>恢复“{name}”{when} 的备份（{members}名党员）吗？</translation>
    </message>
    <message>
        <source>Everything entered after that time is replaced. The database as it is now is saved as a backup first.</source>
        <translation>此备份之后录入或修改的内容都将丢失（数据库回到备份时的样子）。恢复前，当前的数据库会先另存为一个备份，需要时还能找回。</translation>
    </message>
    <message>
        <source>This computer then keeps that organisation&apos;s records, as they were at that time.</source>
        <translation>恢复后，这台电脑接着记录这个组织的工作，数据为备份当时的样子。</translation>
    </message>
    <message>
        <source>Restoring</source>
        <translation>正在恢复</translation>
    </message>
</context>
<context>
    <name>FileSize</name>
    <message>
        <source>{count} bytes</source>
        <translation>{count} 字节</translation>
    </message>
</context>
<context>
    <name>FindingDecisionDialog</name>
    <message>
        <source>Snooze to-do</source>
        <translation>暂缓待办</translation>
    </message>
    <message>
        <source>Dismiss to-do</source>
        <translation>忽略待办</translation>
    </message>
    <message>
        <source>The to-do leaves the list until the day you choose, then comes back.</source>
        <translation>这条待办先从列表中移出，到所选日期再重新出现。</translation>
    </message>
    <message>
        <source>The to-do leaves the list. You can bring it back from &quot;Show set aside&quot;.</source>
        <translation>这条待办将从列表中移出。勾选“显示已忽略或暂缓的”可以把它恢复。</translation>
    </message>
    <message>
        <source>For example: reported to the committee by phone</source>
        <translation>例如：已电话报告上级党委</translation>
    </message>
    <message>
        <source>Its deadline is {due}: it comes back by default a week before.</source>
        <translation>这项待办的期限是 {due}：默认在期限前一周重新提醒。</translation>
    </message>
    <message>
        <source>Its deadline is {due}: it comes back by default tomorrow.</source>
        <translation>这项待办的期限是 {due}：默认明天重新提醒。</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Show again on:</source>
        <translation>重新提醒日期：</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>First-run set-up</source>
        <translation>初始设置</translation>
    </message>
    <message>
        <source>Welcome to Party Branch Desk</source>
        <translation>欢迎使用党支部工作台</translation>
    </message>
    <message>
        <source>Before you start, tell the program which Party organisation this computer keeps records for. The name and code can be changed later in Settings; the choice of branch or committee cannot. If this computer takes over from one that kept the records, use “Restore from a backup…” at the bottom left instead.</source>
        <translation>开始使用前，请填写这台电脑为哪个党组织记录工作。组织名称和组织代码以后可以在“设置”中修改；下面“党支部/上级党委”的选择以后不能更改。如果这台电脑接替原来记录工作的电脑，请改用左下角的“从⁠备⁠份⁠恢⁠复⁠…”接过原来的数据。</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>党组织</translation>
    </message>
    <message>
        <source>Organisation name:</source>
        <translation>党组织名称：</translation>
    </message>
    <message>
        <source>Full name, e.g. CPC First Branch Committee of Example Community</source>
        <translation>请填写全称，如：中共某某社区第一支部委员会</translation>
    </message>
    <message>
        <source>Organisation code:</source>
        <translation>组织代码：</translation>
    </message>
    <message>
        <source>Letters and digits only, up to 32</source>
        <translation>只能是字母和数字，最多 32 位</translation>
    </message>
    <message>
        <source>The code your higher Party committee gave this organisation (as in the national Party member information system). It marks this organisation&apos;s data in sync files and backups, so every computer of the organisation uses the same code.</source>
        <translation>上级党委为本组织确定的代码（与全国党员管理信息系统中的一致）。数据包和备份靠它识别是哪个组织的数据，所以本组织的每台电脑都要填同一个代码。</translation>
    </message>
    <message>
        <source>Organisation type:</source>
        <translation>组织类别：</translation>
    </message>
    <message>
        <source>Secretary:</source>
        <translation>书记：</translation>
    </message>
    <message>
        <source>Optional: printed as the person in charge on the roster sent up</source>
        <translation>可不填：报送版花名册上的“负责人”</translation>
    </message>
    <message>
        <source>This computer is used by</source>
        <translation>本机使用单位</translation>
    </message>
    <message>
        <source>A Party branch</source>
        <translation>党支部</translation>
    </message>
    <message>
        <source>Keeps its own roster, meetings and study records, and sends sync files up to its committee on a USB stick.</source>
        <translation>管理本支部的花名册、会议和学习记录，并用 U 盘向上级党委报送数据包。</translation>
    </message>
    <message>
        <source>A Party committee above several branches</source>
        <translation>上级党委（管理多个党支部）</translation>
    </message>
    <message>
        <source>Imports the sync files sent by its branches and sees all of their records together.</source>
        <translation>导入各党支部报送的数据包，汇总查看所有支部的记录。</translation>
    </message>
    <message>
        <source>This choice cannot be changed later: a committee&apos;s copy and a branch&apos;s copy keep different kinds of records.</source>
        <translation>这一选择以后不能更改：上级党委和党支部的程序保存的记录种类不同。</translation>
    </message>
    <message>
        <source>Restored: this computer now keeps the records of {name} ({members} members), as they were when the backup was made.</source>
        <translation>已恢复：这台电脑现在保存着“{name}”的记录（{members} 名党员），为备份当时的样子。</translation>
    </message>
    <message>
        <source>The organisation type is {type}, but this computer is to be a committee&apos;s: a committee&apos;s copy gathers the sync files of the branches under it. Please check the choice.</source>
        <translation>组织类别是“{type}”，本机却选了“上级党委”：上级党委的电脑用来汇总下属各支部报送的数据包。请核对所选项。</translation>
    </message>
    <message>
        <source>The organisation type is {type}, but this computer is to be a branch&apos;s: a committee that gathers its branches&apos; records should choose the committee. Please check the choice.</source>
        <translation>组织类别是“{type}”，本机却选了“党支部”：汇总下属各支部记录的党委应选“上级党委”。请核对所选项。</translation>
    </message>
    <message>
        <source>Fill in the organisation&apos;s name and its code first.</source>
        <translation>请先填写党组织名称和组织代码。</translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <source>On a new computer: bring back the records from a USB backup made on the old one.</source>
        <translation>换了新电脑时：用旧电脑备份到U盘的文件，把原来的记录恢复过来。</translation>
    </message>
    <message>
        <source>For example: 中共示范社区第一支部委员会</source>
        <translation>例如：中共示范社区第一支部委员会</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Workbench</source>
        <translation>“工作台”页</translation>
    </message>
    <message>
        <source>The first page: the year&apos;s key figures, the to-do board (what is overdue, what falls due soon) and the charts. Open a to-do (Enter or a double-click) to go to the record it is about; set one aside, with the reason, when it does not apply. Click a bar or a slice of a chart to list the members it counts.</source>
        <translation>打开程序的第一页：本年度的主要数字、待办事项（哪些已逾期，哪些即将到期）和各种图表。选中一条待办按回车或双击，即可转到它所涉及的记录；不适用的待办可以说明理由后暂时忽略。点击图表中的柱或扇形，可列出它所统计的党员。</translation>
    </message>
    <message>
        <source>Members page</source>
        <translation>“党员”页</translation>
    </message>
    <message>
        <source>Meetings page</source>
        <translation>“会议”页</translation>
    </message>
    <message>
        <source>Record each meeting once it has been held: New meeting record (Ctrl+N), then its type, date, attendance, agenda, minutes and resolutions. What you type is kept as you go: after a power cut the program offers the record back when it starts again. Closing the window without saving asks first. The year calendar shows for every type which periods had their meeting, which did not and which are still to come; click a cell to record the meeting it is missing. Periods that ended before the branch began keeping its records here (the day it was set up, or its earliest meeting recorded) read “Before records” and are not counted: record an older meeting and they count from it. Minutes print or save as a Word document.</source>
        <translation>每次会议开过后及时记录：点“新建会议记录…”（Ctrl+N），填写会议类型、日期、出席情况、议程、会议内容和决议。填写的内容会随时留底：停电后重新打开程序时，会提示恢复这份记录。未保存就关闭窗口时，会先询问。“年度日历”按会议类型列出各期：哪些期已召开，哪些未召开，哪些尚未到期；点击一格即可补录该期缺少的会议。在本支部开始用本程序记录之前（建档之日或最早录入的一次会议）就已结束的各期显示为“启用前”，不计为未召开；补录更早的会议后，从那次会议起计算。会议记录可以打印，也可以保存为 Word 文档。</translation>
    </message>
    <message>
        <source>Study page</source>
        <translation>“学习”页</translation>
    </message>
    <message>
        <source>Heart-to-heart talks</source>
        <translation>谈心谈话</translation>
    </message>
    <message>
        <source>Yearly report</source>
        <translation>年度台账</translation>
    </message>
    <message>
        <source>Data exchange with the higher committee</source>
        <translation>“数据交换”页：与上级党委交换数据</translation>
    </message>
    <message>
        <source>Settings page</source>
        <translation>“设置”页</translation>
    </message>
    <message>
        <source>The organisation&apos;s name and code, and the rule table: meeting frequencies, study hours and dues brackets. Change a rule only when your higher committee sets a different one.</source>
        <translation>本组织的名称和组织代码，以及规则表：会议频次、学习学时、党费档次等。只有上级党委另有规定时才需要修改规则。</translation>
    </message>
    <message>
        <source>Importing a roster</source>
        <translation>导入花名册</translation>
    </message>
    <message>
        <source>On the Members page choose Import and pick an Excel or CSV file. The program shows which column means what and lists every row it cannot take, with the reason; nothing is written until you confirm. A backup is made before each import.</source>
        <translation>在“党员”页点击“导入…”，选择 Excel 或 CSV 文件。程序会显示每一列对应的字段，并逐行列出不能导入的行和原因；您确认之前不会写入任何数据。每次导入前都会自动备份。</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>File → Back up now (Ctrl+B) makes a checked copy at any time. The program also backs up on exit and every four hours when something was changed. These copies stay on this computer and are lost with it, so once a week use File → Back up to a USB stick…: it writes everything, attachments included, encrypted under a passphrase you choose, and reads it back before it says the stick can be removed. Write the passphrase down and keep it apart from the stick: without it nobody can open the backup. The workbench reminds you when a week has passed.</source>
        <translation>“文件 → 立即备份”（Ctrl+B）随时做一份经过校验的备份。有改动时，程序在退出时和每四小时也会自动备份。这些备份都在本机上，电脑坏了会一起丢失，所以请每周用一次“文件 → 备份到U盘…”：它把全部数据（含附件）用您设定的口令加密写到U盘上，读回核对无误后才提示可以拔下U盘。请把口令抄下来，与U盘分开保管：没有口令，谁也打不开这个备份。超过一周没有备份到U盘，工作台会提醒。</translation>
    </message>
    <message>
        <source>Restoring</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>The roster of the branch: add a member, open one to see and change the details, record events (becoming a full member, transfers, lost contact). Type in the search box to find people; click a column header to sort. ID and phone numbers are shown masked. To put several members in one party group, select them (Ctrl or Shift with a click) and choose Party group….</source>
        <translation>支部的党员花名册：新增党员，打开某位党员查看和修改信息，登记转正、组织关系转接、失联等事项。在搜索框里输入可以查找；点击列标题可以排序。身份证号和电话默认只显示部分数字。要把几名党员编入同一个党小组，先选中他们（按住 Ctrl 或 Shift 点击），再点“分配党小组…”。</translation>
    </message>
    <message>
        <source>Record a collective study credits its hours to the members ticked; a member&apos;s own course is recorded with its proof. To correct a collective study, open it (Enter or a double-click); a member&apos;s own course is deleted and recorded again. The ledger sets each member&apos;s hours against the year&apos;s requirement, and exports to Excel with one sheet per member. A branch new to the program enters the hours its members already had this year with Enter earlier hours… on the ledger, typed from the old ledger one member after another.</source>
        <translation>“记录集体学习”把学时计入所勾选的每名党员；党员个人参加的学习培训连同证明材料逐条记录。集体学习记录有误时，打开它（回车或双击）即可修改；个人学习记录有误时，请删除后重新记录。学时台账把每名党员的学时与本年度要求对照，可导出为 Excel，每名党员一页。刚开始使用本程序的支部，在学时台账中点“补录此前学时…”，照原来的台账逐人录入党员本年度已有的学时。</translation>
    </message>
    <message>
        <source>Meetings page, 谈心谈话 tab: who is due a talk (each member at least once within the interval the rule table sets, twelve months by default) and the talks recorded. Record a talk with who talked, with whom, the date, what was said and any follow-up with its date; an open follow-up shows on the workbench from a week before its day. A member with no talk recorded whose interval ran out before this program was set up is due on the first of the month three months after the month it was set up (shown a month before): record the last talk held before, if any, or hold one. A talk counts for the member who held it too.</source>
        <translation>“会议”页的“谈心谈话”：列出谁该谈话了（每名党员在规则表规定的间隔内至少谈一次，默认12个月）和已记录的谈话。记录谈话时填写谈话人、谈话对象、日期、谈话内容，以及跟进事项和日期；未完成的跟进事项从到期前一周起显示在工作台上。启用本程序之前就已到期、又没有谈话记录的党员，应在启用当月之后第三个月的1日前谈话（提前一个月提醒）：如启用前谈过，请补记最近一次谈话，否则请安排谈话。谈话人是党员的，这次谈话也计入谈话人本人。</translation>
    </message>
    <message>
        <source>Workbench → Yearly report…: this year&apos;s or last year&apos;s 台账 (key figures, the members&apos; make-up, meetings held against those required, attendance, study, the meeting register), saved as PDF to print or as a Word document to edit. At a committee, with a branch chosen in 支部, it is that branch&apos;s 台账.</source>
        <translation>工作台 →“年度台账…”：可生成今年或去年的台账（主要数据、党员队伍结构、规定会议应开与已开、出席情况、学习培训、会议登记），保存为 PDF 便于打印，或保存为 Word 文档便于修改。党委在“支部”中选定一个支部时，生成的是该支部的台账。</translation>
    </message>
    <message>
        <source>Once, at first contact: each office saves its key card (Key card…) and hands it to the other on a USB stick; each registers the other&apos;s card (Register a key card…) after reading its fingerprint to each other by phone, and only if every character matches.&lt;br&gt;Then each time: the branch chooses Write a package…, picks the USB stick and waits until it says the stick can be removed; the committee chooses Import a package…, sees what the package would change, and imports it (a whole stick at once with Folder…). The committee&apos;s next package back confirms receipt.&lt;br&gt;A refused package is listed with the reason and nothing of it is written. Packages are encrypted: only the office a package is addressed to can read it. A single record the other office cannot take (its program is older, or the record fails a check) is refused with its details and the rest imported; the office that sent it is told with the next package back, sees it on its workbench, and sends it again with every package until it is taken.&lt;br&gt;The committee&apos;s notices are on the 通知 tab of the exchange page; once one is opened there, the branch&apos;s next package tells the committee it has been read, and once it is marked done (Mark as done…), that it has been done. Once a notice&apos;s deadline has passed, the committee&apos;s workbench names the branches that have not yet reported it done.&lt;br&gt;A committee sees its branches&apos; members, meetings, study hours and talks as their packages bring them; the branches record them. A meeting, study or talk recorded at the committee is its own, with its own members; a correction of a branch&apos;s record goes down to the branch with the next package.</source>
        <translation>第一次交换前只做一次：双方各自保存本单位的密钥卡（“密钥卡…”），用U盘交给对方；双方通过电话互相念一遍密钥指纹，每个字符都一致，才登记对方的密钥卡（“登记对方密钥卡…”）。&lt;br&gt;以后每次：支部点“导出数据包…”，选择U盘，等到提示可以安全拔出U盘；党委点“导入数据包…”，先看数据包会带来哪些变动，再导入（整个U盘上的数据包可以用“文件夹…”一次导入）。党委下一次发回的数据包会确认已收到。&lt;br&gt;被拒收的数据包会列出原因，其中的任何数据都不会写入。数据包是加密的，只有收件单位能读取。对方无法接收的个别记录（对方的程序较旧，或记录未通过检查）会连同其明细被拒收，其余照常导入；发送方会从下一个发回的数据包得知，并在工作台上看到，以后每次导出都会重新发送，直到对方接收。&lt;br&gt;上级党委的通知在“数据交换”页的“通知”标签中；支部在这里打开一份通知后，下一次报送的数据包会告诉党委这份通知已读；办完后点“标为已办理…”，党委也会看到已办理。通知过了办理期限后，党委的工作台会列出还没有报告已办理的支部。&lt;br&gt;党委看到的支部党员、会议、学时和谈心谈话，都来自支部报送的数据包，由支部记录。在党委记录的会议、学习和谈话是党委自己的，应到人员是党委自己的党员；党委对支部记录的更正，会随下一个数据包发给该支部。</translation>
    </message>
    <message>
        <source>File → Restore from a backup… lists the backups, newest first. From a USB stick or file… restores a USB backup (it asks for the passphrase) or a backup file copied from elsewhere. The database as it is is saved as a backup before a restore, so a restore can be undone the same way. On a new computer, choose Restore from a backup… in the first-run set-up instead of filling it in. If the program finds the database file damaged while in use, it keeps a copy of it, says 只读 in red at the bottom and saves no more changes: what can still be read can be looked at and exported, and a restore here ends it.</source>
        <translation>“文件 → 从备份恢复…”按时间从新到旧列出本机的备份；点“从U盘或其他文件恢复…”可以恢复U盘备份（会要求输入口令）或从别处复制来的备份文件。恢复前，当前的数据库会先另存为一个备份，所以恢复也可以用同样的办法撤回。换了新电脑时，在初始设置里点“从备份恢复…”即可，不必重新填写。使用中如果发现数据库文件损坏，程序会先另存一份副本，在窗口底部用红字显示“只读”，不再保存任何修改：还能读出的内容可以查看和导出，在这里恢复备份后即恢复正常。</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>键盘操作</translation>
    </message>
    <message>
        <source>Ctrl+1 to Ctrl+6 switch pages; F1 opens this guide; Ctrl+B backs up now. In a list, Enter opens the selected row. On the Members page: Ctrl+N adds a member, F2 edits the selected one, Ctrl+F goes to the search box and Esc there empties it; on a member&apos;s page Alt+Left or Esc goes back. On the Meetings page Ctrl+N records a meeting or a talk, Del deletes the selected one (after asking). In a form Ctrl+S saves. Esc closes a window, and asks first when something typed would be lost.</source>
        <translation>Ctrl+1 至 Ctrl+6 切换页面；F1 打开本说明；Ctrl+B 立即备份。在列表中，按回车打开选中的一行。在“党员”页：Ctrl+N 新增党员，F2 编辑选中的党员，Ctrl+F 转到搜索框，在搜索框中按 Esc 清空；在党员详情页按 Alt+← 或 Esc 返回花名册。在“会议”页，Ctrl+N 新建会议记录或谈话记录，Del 删除选中的一条（先询问）。在填写表单时按 Ctrl+S 保存。Esc 关闭窗口；如果有已填写但未保存的内容，会先询问。</translation>
    </message>
    <message>
        <source>Where the data lives</source>
        <translation>数据保存在哪里</translation>
    </message>
    <message>
        <source>Database file: {database}&lt;br&gt;Backups: {backups}</source>
        <translation>数据库文件：{database}&lt;br&gt;备份文件夹：{backups}</translation>
    </message>
    <message>
        <source>How to use Party Branch Desk</source>
        <translation>党支部工作台使用说明</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import a package</source>
        <translation>导入数据包</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Folder…</source>
        <translation>文件夹(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>检查(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The copies of the packages imported on this computer: the ones the restored records lack are imported again, the rest are left as they are.</source>
        <translation>这是本机导入过的数据包的副本：恢复后的记录中缺少的会重新导入，其余的保持不变。</translation>
    </message>
    <message>
        <source>USB stick found: {path}. Check looks at every package on it; or choose one package file.</source>
        <translation>已找到U盘：{path}。按“检查”查看其中的全部数据包；也可以只选一个数据包文件。</translation>
    </message>
    <message>
        <source>No USB stick found: the folder checked last time is filled in; check it is the stick.</source>
        <translation>没有找到U盘：已填入上次检查过的文件夹，请确认它就是U盘。</translation>
    </message>
    <message>
        <source>What the import would do</source>
        <translation>导入后的结果</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录数</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <source>Conflict (the local version stays until you decide)</source>
        <translation>冲突（在您处理之前保留本机的版本）</translation>
    </message>
    <message>
        <source>Rejected (left out)</source>
        <translation>拒收（不导入）</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Why it was rejected</source>
        <translation>拒收原因</translation>
    </message>
    <message>
        <source>These records would be rejected (left out), and why:</source>
        <translation>以下记录将被拒收（不导入），原因如下：</translation>
    </message>
    <message>
        <source>… and {count} more rejected record(s), not listed here.</source>
        <translation>……另有 {count} 条被拒收的记录，此处未列出。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>数据包文件</translation>
    </message>
    <message>
        <source>From</source>
        <translation>发出单位</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>拒收</translation>
    </message>
    <message>
        <source>State</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Choose a package</source>
        <translation>选择数据包</translation>
    </message>
    <message>
        <source>Packages (*.pdsync)</source>
        <translation>数据包 (*.pdsync)</translation>
    </message>
    <message>
        <source>Choose the folder holding the packages</source>
        <translation>选择存放数据包的文件夹</translation>
    </message>
    <message>
        <source>There is no file or folder {path}.</source>
        <translation>找不到文件或文件夹：{path}。请检查路径，或用“浏览”“文件夹”选择。</translation>
    </message>
    <message>
        <source>Checking the packages…</source>
        <translation>正在检查数据包……</translation>
    </message>
    <message>
        <source>Checking the package…</source>
        <translation>正在检查数据包…</translation>
    </message>
    <message>
        <source>The package was refused:</source>
        <translation>这个数据包被拒收：</translation>
    </message>
    <message>
        <source>The package from {origin} ({name}) is genuine and complete. It is a receipt: it carries no records. Nothing has been written yet.</source>
        <translation>来自 {origin} 的数据包（{name}）真实完整。这是一份回执，不含任何记录；目前还没有写入任何数据。</translation>
    </message>
    <message>
        <source>The package from {origin} ({name}) is genuine and complete. This is what importing it would do; nothing has been written yet.</source>
        <translation>来自 {origin} 的数据包（{name}）真实完整。下表是导入后的结果；目前还没有写入任何数据。</translation>
    </message>
    <message>
        <source>It carries {contents}.</source>
        <translation>数据包内容：{contents}。</translation>
    </message>
    <message>
        <source>It confirms that {origin} received {count} of this office&apos;s packages: importing it marks them as received.</source>
        <translation>它确认“{origin}”已收到本单位的 {count} 个数据包；导入后，这些数据包即记为对方已收到。</translation>
    </message>
    <message>
        <source>It confirms that {origin} received {count} of this office&apos;s packages.</source>
        <translation>它同时确认“{origin}”已收到本单位的 {count} 个数据包。</translation>
    </message>
    <message>
        <source>It deletes these members: {names}.</source>
        <translation>将删除以下党员：{names}。</translation>
    </message>
    <message>
        <source>It changes these members&apos; records: {names}.</source>
        <translation>将修改以下党员的档案：{names}。</translation>
    </message>
    <message>
        <source>{origin} also changed {names}, before this office&apos;s correction reached it: the correction stays here, and {origin} decides between the two when it imports it.</source>
        <translation>{origin}在收到本单位的更正之前也修改了{names}：这里先保留本单位的更正，{origin}导入更正时会决定采用哪个版本。</translation>
    </message>
    <message>
        <source>Changed here too since {origin} last had it (conflicts, to decide after importing): {names}.</source>
        <translation>{origin}修改这些记录时，本单位也改过它们（冲突，导入后逐条决定）：{names}。</translation>
    </message>
    <message>
        <source> and {count} more</source>
        <translation>等，另有 {count} 条</translation>
    </message>
    <message>
        <source>The committee corrects this office&apos;s own records:</source>
        <translation>上级党委更正了本单位的记录（导入后生效）：</translation>
    </message>
    <message>
        <source>{origin} did not accept these records of this office:</source>
        <translation>{origin}没有接收本单位的以下记录：</translation>
    </message>
    <message>
        <source>… and {count} more (see the to-do board).</source>
        <translation>……另有 {count} 条（见工作台的待办）。</translation>
    </message>
    <message>
        <source>With their details: {count} more record(s), such as a meeting&apos;s attendance.</source>
        <translation>连同这些记录的明细 {count} 条（如会议的出席记录）。</translation>
    </message>
    <message>
        <source>They are sent again with every package to it until it accepts them; if a record here is wrong, correct it first.</source>
        <translation>以后每次向对方导出时都会重新发送这些记录，直到对方接收；如是本机的记录有误，请先改正。</translation>
    </message>
    <message>
        <source>{origin} has now accepted {count} record(s) it had refused before.</source>
        <translation>{origin}已接收此前退回的 {count} 条记录。</translation>
    </message>
    <message>
        <source>Package No. {seq} from {origin}:</source>
        <translation>{origin}第 {seq} 号数据包：</translation>
    </message>
    <message>
        <source>There is no package (.pdsync) in this folder.</source>
        <translation>这个文件夹里没有数据包（.pdsync）。</translation>
    </message>
    <message>
        <source>{count} packages in {folder}: {ready} can be imported.</source>
        <translation>{folder} 中有 {count} 个数据包：{ready} 个可以导入。</translation>
    </message>
    <message>
        <source>Copies of the packages imported on this computer, to bring back what the restore took away.</source>
        <translation>这是本机导入过的数据包的副本，用来找回恢复时丢掉的记录。</translation>
    </message>
    <message>
        <source> {refused} cannot be imported (they will be listed as refused).</source>
        <translation>{refused} 个不能导入：它们会连同拒收原因记入“收发的数据包”列表，便于日后与对方查对。</translation>
    </message>
    <message>
        <source>This office</source>
        <translation>本单位</translation>
    </message>
    <message>
        <source>&amp;Import all</source>
        <translation>全部导入(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Record the refusals</source>
        <translation>记下拒收原因(&amp;R)</translation>
    </message>
    <message>
        <source>unregistered office {code}</source>
        <translation>未登记的单位 {code}</translation>
    </message>
    <message>
        <source>It adds these members: {names}.</source>
        <translation>将新增以下党员：{names}。</translation>
    </message>
    <message>
        <source>; {count} other record(s)</source>
        <translation>；另有 {count} 条其他记录</translation>
    </message>
    <message>
        <source>{origin} sends records this office corrected in a version unlike the correction (it kept its own, or changed them after taking it); importing puts its version in place: {names}.</source>
        <translation>本单位更正过的下列记录，{origin}发来的版本与更正有出入（保留了自己的版本，或采纳后又作了修改）；导入后以对方的版本为准：{names}。</translation>
    </message>
    <message>
        <source>Ready to import</source>
        <translation>可以导入</translation>
    </message>
    <message>
        <source>Ready to import (a receipt: no records)</source>
        <translation>可以导入（回执，不含记录）</translation>
    </message>
    <message>
        <source>; {count} conflict(s) to decide afterwards</source>
        <translation>；其中 {count} 条冲突，导入后要逐条决定</translation>
    </message>
    <message>
        <source>; {count} record(s) it also changed keep this office&apos;s correction until it decides</source>
        <translation>；对方也改过的 {count} 条记录暂保留本单位的更正，待对方处理</translation>
    </message>
    <message>
        <source>; {count} record(s) this office corrected come back in its own version</source>
        <translation>；本单位更正过的 {count} 条记录按对方的版本更新</translation>
    </message>
    <message>
        <source>Could not be read: left alone. {message}</source>
        <translation>读不出，跳过：{message}</translation>
    </message>
    <message>
        <source>Not a package: left alone. {message}</source>
        <translation>不是数据包，跳过：{message}</translation>
    </message>
    <message>
        <source>Imported before</source>
        <translation>已导入过，跳过</translation>
    </message>
    <message>
        <source>Imported (a receipt)</source>
        <translation>已导入（回执）</translation>
    </message>
    <message>
        <source>Receipt imported: {origin} has received {count} of this office&apos;s packages.</source>
        <translation>回执已导入：{origin}已收到本单位的 {count} 个数据包。</translation>
    </message>
    <message>
        <source>Members added by the sender: {names}.</source>
        <translation>对方新增的党员：{names}。</translation>
    </message>
    <message>
        <source>Members deleted by the sender: {names}.</source>
        <translation>对方删除的党员：{names}。</translation>
    </message>
    <message>
        <source>Members whose records the sender changed: {names}.</source>
        <translation>对方修改了以下党员的档案：{names}。</translation>
    </message>
    <message>
        <source>{count} record(s) were changed here too: this office&apos;s version is kept for now. After closing, choose “Decide the conflicts…” on this page and decide each one.</source>
        <translation>其中 {count} 条记录本单位也改过（冲突）：暂时保留本单位的版本。请关闭后在本页点“处理冲突…”，逐条决定用哪个版本。</translation>
    </message>
    <message>
        <source>{origin} is told which of its records were refused and why with the next package to it, and sends them again until they are accepted.</source>
        <translation>下次向{origin}导出数据包时，会告诉对方哪些记录被拒收及原因；对方会重新发送，直到被接收。</translation>
    </message>
    <message>
        <source>Written by this office: left alone</source>
        <translation>本单位发出的，跳过</translation>
    </message>
    <message>
        <source>Choose the package file (.pdsync) the other office gave you, or a folder (such as the USB stick) to check every package in it.
It is checked first and imported once you agree; a refused package is noted, with why, in the list of packages.</source>
        <translation>请选择对方交来的数据包文件（.pdsync），或选择一个文件夹（如U盘）检查其中的全部数据包。
程序先检查，您同意后才导入；被拒收的数据包会连同原因记入“收发的数据包”列表。</translation>
    </message>
    <message>
        <source>Ready to import after No. {seq} (once that one is in, these counts come out lower)</source>
        <translation>可以导入，在第 {seq} 号之后导入（那个导入后，这里的数字会变少）</translation>
    </message>
    <message>
        <source>For the office with code {code}: left alone, pass it on</source>
        <translation>数据包写明是发给组织代码 {code} 的，跳过（可转交给对方）</translation>
    </message>
    <message>
        <source>For another office: left alone</source>
        <translation>不是发给本单位的，跳过</translation>
    </message>
    <message>
        <source>Refused: {message}</source>
        <translation>拒收：{message}</translation>
    </message>
    <message>
        <source>Imported on {when}: left alone</source>
        <translation>已于 {when} 导入过，跳过</translation>
    </message>
    <message>
        <source>Importing the packages…</source>
        <translation>正在导入数据包……</translation>
    </message>
    <message>
        <source>Not imported: {message}</source>
        <translation>未导入：{message}</translation>
    </message>
    <message>
        <source>Not imported (cancelled)</source>
        <translation>未导入（已取消）</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>未导入</translation>
    </message>
    <message>
        <source>Imported; it carries {contents}</source>
        <translation>已导入，数据包内含{contents}</translation>
    </message>
    <message>
        <source>; it confirms {count} of our packages</source>
        <translation>；对方确认已收到本单位的 {count} 个数据包</translation>
    </message>
    <message>
        <source>The import stopped: {message} {applied} packages were imported and stay; the others were not imported. You can import the folder again.</source>
        <translation>导入中止：{message} 已导入的 {applied} 个数据包保留，其余的没有导入。排除问题后可以再次导入这个文件夹。</translation>
    </message>
    <message>
        <source>Cancelled: {applied} packages were imported and stay; the others were not imported. You can import the folder again at any time.</source>
        <translation>已取消：已导入的 {applied} 个数据包保留，其余的没有导入。随时可以再次导入这个文件夹。</translation>
    </message>
    <message>
        <source>Imported {applied} packages.</source>
        <translation>已导入 {applied} 个数据包。</translation>
    </message>
    <message>
        <source> {count} refused: listed as refused on the exchange page.</source>
        <translation>{count} 个被拒收，已登记在“数据交换”页的数据包列表中。</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was imported. You can check or import the package again at any time.</source>
        <translation>已取消：没有导入任何数据。这个数据包可以随时重新检查或导入。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Package file, or a folder of packages</source>
        <translation>数据包文件，或存放数据包的文件夹</translation>
    </message>
    <message>
        <source> The rest were imported before or are for another office.</source>
        <translation>其余的已导入过或不是发给本单位的。</translation>
    </message>
    <message>
        <source> Choose a row to see which members its package adds, deletes or changes.</source>
        <translation>选中一行，可以看到该数据包将新增、删除或修改哪些党员。</translation>
    </message>
    <message>
        <source> Nothing has been written yet.</source>
        <translation>目前还没有写入任何数据。</translation>
    </message>
    <message>
        <source>Imported: new {new}, updated {updated}, unchanged {unchanged}, conflicts {conflict}, rejected {rejected}.</source>
        <translation>已导入：新增 {new} 条，更新 {updated} 条，未变 {unchanged} 条，冲突 {conflict} 条，拒收 {rejected} 条。</translation>
    </message>
</context>
<context>
    <name>ImportFileStep</name>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Spreadsheet or CSV (*.xlsx *.xlsm *.xls *.xlsb *.ods *.csv)</source>
        <translation>表格文件或 CSV (*.xlsx *.xlsm *.xls *.xlsb *.ods *.csv)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Choose the roster file</source>
        <translation>选择花名册文件</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <source>CSV file, read as {encoding}; header in row {row}; {count} data rows.</source>
        <translation>CSV 文件，按 {encoding} 编码读取；表头在第 {row} 行；共 {count} 行数据。</translation>
    </message>
    <message>
        <source>Sheet “{sheet}”; header in row {row}; {count} data rows.</source>
        <translation>工作表“{sheet}”；表头在第 {row} 行；共 {count} 行数据。</translation>
    </message>
    <message>
        <source>{count} of them are no members (totals, signatures, notes or empty lines) and are left out.</source>
        <translation>其中 {count} 行不是党员（合计、签字、注释或空行），不导入。</translation>
    </message>
    <message>
        <source>Showing the first {shown} of {count} rows.</source>
        <translation>显示前 {shown} 行（共 {count} 行）。</translation>
    </message>
    <message>
        <source>Tinted cells need a look: point at one to see why.</source>
        <translation>带底色的单元格需要留意：将鼠标指向它可查看原因。</translation>
    </message>
    <message>
        <source>Do not import</source>
        <translation>不导入</translation>
    </message>
    <message>
        <source>Column {letter} imported as</source>
        <translation>第 {letter} 列导入为</translation>
    </message>
    <message>
        <source>The file has no column for {field}: the value chosen here is used for every row.</source>
        <translation>文件中没有“{field}”列：这里选择的值用于每一行。</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Same value for every row</source>
        <translation>每一行取相同的值</translation>
    </message>
    <message>
        <source>{field} for every row</source>
        <translation>全部行的{field}</translation>
    </message>
    <message>
        <source>From the dates</source>
        <translation>按日期判断</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>不设置</translation>
    </message>
    <message>
        <source>Required (marked *): {fields}.</source>
        <translation>必填项（标 *）：{fields}。</translation>
    </message>
    <message>
        <source>{field}: not in the file, read from each ID number.</source>
        <translation>{field}：文件中没有，按身份证号读取。</translation>
    </message>
    <message>
        <source>{field}: not in the file, read from the dates — with a {confirmed} it is {full}, without one {probationary}. Or choose one value below.</source>
        <translation>{field}：文件中没有，按日期判断——有{confirmed}的为{full}，没有的为{probationary}；也可以在下方为全部行选一个值。</translation>
    </message>
    <message>
        <source>Not in the file: {fields}. Every row will be rejected until a column is chosen for them.</source>
        <translation>文件中没有：{fields}。在列对应中选好这些列之前，每一行都会被拒绝。</translation>
    </message>
    <message>
        <source>{row} (hidden)</source>
        <translation>{row}（隐藏）</translation>
    </message>
    <message>
        <source>This row is hidden in Excel.</source>
        <translation>此行在 Excel 中被隐藏。</translation>
    </message>
    <message>
        <source>Not a member ({reason}): left out.</source>
        <translation>不是党员（{reason}），不导入。</translation>
    </message>
    <message>
        <source>“{field}” is chosen for more than one column ({columns}). Keep one and set the others to “Do not import”.</source>
        <translation>“{field}”被选给了多列（{columns}）。请只保留一列，其余设为“不导入”。</translation>
    </message>
    <message>
        <source>Choose the column that holds the ID numbers ({field}): without it the rows cannot be matched to members.</source>
        <translation>请指定身份证号（{field}）所在的列：没有这一列，就无法把表中人员与党员对应。</translation>
    </message>
    <message>
        <source>Not in this file: {fields}. New members get these empty; members already in the roster keep what they have.</source>
        <translation>文件中没有：{fields}。新增党员的这些项为空，已有党员保留原有内容。</translation>
    </message>
    <message>
        <source>This column is not imported.</source>
        <translation>此列不导入。</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Do not import</source>
        <translation>不导入</translation>
    </message>
    <message>
        <source>row {row} {reason}</source>
        <translation>第 {row} 行 {reason}</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Checking the file</source>
        <translation>正在检查文件</translation>
    </message>
    <message>
        <source>Row {row}: “{old}” on record becomes “{new}” (same ID number)</source>
        <translation>第 {row} 行：已登记的“{old}”改为“{new}”（公民身份号码相同）</translation>
    </message>
    <message>
        <source>{count} new</source>
        <translation>新增 {count} 人</translation>
    </message>
    <message>
        <source>{count} updated</source>
        <translation>更新 {count} 人</translation>
    </message>
    <message>
        <source>{count} unchanged</source>
        <translation>无变化 {count} 人</translation>
    </message>
    <message>
        <source>{count} rows rejected</source>
        <translation>未通过 {count} 行</translation>
    </message>
    <message>
        <source>Problems found ({count})</source>
        <translation>发现的问题（{count} 条）</translation>
    </message>
    <message>
        <source>No problems found</source>
        <translation>未发现问题</translation>
    </message>
    <message>
        <source>Same ID number, different name ({count})</source>
        <translation>公民身份号码相同但姓名不同（{count} 行）</translation>
    </message>
    <message>
        <source>Tick a row only if that member really changed name. A wrong ID number in the file must be corrected in Excel instead; unticked rows are not imported.</source>
        <translation>只有确实是本人改名的，才勾选这一行；如果是表中身份证号填错了，请在 Excel 中改正。未勾选的行不会导入。</translation>
    </message>
    <message>
        <source>Skip the rejected rows and import only the other {count}</source>
        <translation>跳过未通过的行，只导入其余 {count} 人</translation>
    </message>
    <message>
        <source>and {count} more</source>
        <translation>另有 {count} 行</translation>
    </message>
    <message>
        <source>{count} rows are not members and are left out: {rows}.</source>
        <translation>{count} 行不是党员，不导入：{rows}。</translation>
    </message>
    <message>
        <source>{count} rows did not pass the checks. Correct them in Excel and choose the file again, or tick the box to skip them.</source>
        <translation>有 {count} 行未通过检查。请在 Excel 中改正后重新选择文件，或勾选跳过。</translation>
    </message>
    <message>
        <source>{count} rows have an ID number on record under another name. Tick the ones that are renames, or tick the box to skip the rest.</source>
        <translation>有 {count} 行的公民身份号码已登记在另一个姓名下。请勾选确是改名的行，或勾选“跳过”不导入其余这些行。</translation>
    </message>
    <message>
        <source>No row can be imported: none of the {count} rows passed the checks. Correct them in Excel (the list above names each row&apos;s problem) and choose the file again.</source>
        <translation>没有可导入的行：{count} 行都没有通过检查。请按上面列出的各行问题在 Excel 中改正，再重新选择文件。</translation>
    </message>
    <message>
        <source>No row can be imported: every row that passed the checks is already in the roster as it is.</source>
        <translation>没有可导入的行：通过检查的各行与花名册中的记录完全相同。</translation>
    </message>
    <message>
        <source>Nothing to import: every row is already in the roster as it is.</source>
        <translation>无需导入：表中各行与花名册中的记录完全相同。</translation>
    </message>
    <message>
        <source>rejected rows</source>
        <translation>未通过的行</translation>
    </message>
    <message>
        <source>Save the rejected rows</source>
        <translation>保存未通过的行</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Saved the rejected rows and their reasons to {path}. Correct them there, then import that file.</source>
        <translation>未通过的行及原因已保存到 {path}。请在该文件中改正后再导入。</translation>
    </message>
    <message>
        <source>Importing the roster</source>
        <translation>正在导入花名册</translation>
    </message>
    <message>
        <source>{count} new members added</source>
        <translation>新增党员 {count} 人</translation>
    </message>
    <message>
        <source>{count} members updated</source>
        <translation>更新党员 {count} 人</translation>
    </message>
    <message>
        <source>{count} rows unchanged</source>
        <translation>无变化 {count} 人</translation>
    </message>
    <message>
        <source>{count} rejected rows skipped</source>
        <translation>跳过未通过的行 {count} 行</translation>
    </message>
    <message>
        <source>Before importing, the database was backed up to:</source>
        <translation>导入前已将数据库备份到：</translation>
    </message>
    <message>
        <source>Nothing was written, so no backup was needed.</source>
        <translation>没有写入任何数据，因此无需备份。</translation>
    </message>
    <message>
        <source>name differs from the one on record, not confirmed</source>
        <translation>姓名与已有记录不同，未确认</translation>
    </message>
    <message>
        <source>Row {row} {name}: {reason}</source>
        <translation>第 {row} 行 {name}：{reason}</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（无姓名）</translation>
    </message>
    <message>
        <source>Not imported:</source>
        <translation>未导入：</translation>
    </message>
    <message>
        <source>The import was cancelled. Nothing was written: the roster is as it was.</source>
        <translation>导入已取消，没有写入任何数据，花名册保持原样。</translation>
    </message>
    <message>
        <source>Checking was cancelled.</source>
        <translation>检查已取消。</translation>
    </message>
    <message>
        <source>Ready: {new} members will be added and {updated} updated. The database is backed up first; if anything goes wrong, nothing is written.</source>
        <translation>可以导入：将新增 {new} 人、更新 {updated} 人。导入前会先备份数据库；如中途出错，不会写入任何数据。</translation>
    </message>
    <message>
        <source>The import is still running. Stop it and close? A stopped import writes nothing.</source>
        <translation>导入仍在进行。要停止并关闭吗？停止的导入不会写入任何数据。</translation>
    </message>
    <message>
        <source>The file is still being read. Stop and close?</source>
        <translation>文件仍在读取中。要停止并关闭吗？</translation>
    </message>
    <message>
        <source>Stop the import?</source>
        <translation>停止导入？</translation>
    </message>
</context>
<context>
    <name>ImportWizardDialog</name>
    <message>
        <source>Import roster</source>
        <translation>导入花名册</translation>
    </message>
    <message>
        <source>1 Choose the file and its columns</source>
        <translation>1 选择文件和对应列</translation>
    </message>
    <message>
        <source>2 Check the results</source>
        <translation>2 检查结果</translation>
    </message>
    <message>
        <source>3 Done</source>
        <translation>3 完成</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Choose the spreadsheet (Excel .xlsx or .xls, WPS, LibreOffice .ods) or CSV file that holds the roster.</source>
        <translation>请选择存有花名册的表格文件（Excel 的 .xlsx 或 .xls、LibreOffice 的 .ods）或 CSV 文件。WPS 的 .et 文件请先另存为 .xlsx。</translation>
    </message>
    <message>
        <source>Columns in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>Choose what each column holds. Columns set to “Do not import” are left out. Below the columns, a field the file does not have can get one value for every row.</source>
        <translation>请选择每一列的内容。设为“不导入”的列不会导入。列表下方可以为文件中没有的项目给全部行填同一个值。</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Header in the file</source>
        <translation>文件中的表头</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>First rows of the file</source>
        <translation>文件的前几行</translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <source>Save the rejected rows…</source>
        <translation>保存未通过的行…</translation>
    </message>
    <message>
        <source>An Excel file with each rejected row and the reason, to correct and import again.</source>
        <translation>保存为 Excel 文件，列出每个未通过的行及原因，改正后可重新导入。</translation>
    </message>
    <message>
        <source>The roster has been imported.</source>
        <translation>花名册已导入。</translation>
    </message>
    <message>
        <source>The imported members are on the Members page.</source>
        <translation>导入的党员可在“党员”页面查看。</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>IssueModel</name>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>表头</translation>
    </message>
    <message>
        <source>Problem code</source>
        <translation>问题代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Problem code: {code}</source>
        <translation>问题代码：{code}</translation>
    </message>
    <message>
        <source>Warning: this row is imported all the same.</source>
        <translation>提醒：此行仍会导入。</translation>
    </message>
    <message>
        <source>Warning: {message}</source>
        <translation>提醒：{message}</translation>
    </message>
</context>
<context>
    <name>KeyActions</name>
    <message>
        <source>Changing the key: new fingerprint {fingerprint}. Waiting for {count} office(s) to confirm it ({names}): write each a package; when its receipt comes back the new key takes over and the old one is revoked.</source>
        <translation>正在更换密钥：新指纹 {fingerprint}。还需 {count} 个单位确认（{names}）：给它们各导出一次数据包，回执回来后新密钥自动启用，旧密钥随即作废。</translation>
    </message>
    <message>
        <source>revoked ({reason})</source>
        <translation>已吊销（{reason}）</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>已吊销</translation>
    </message>
    <message>
        <source>Change this office&apos;s key</source>
        <translation>更换本单位密钥</translation>
    </message>
    <message>
        <source>A new key pair is made. The next package to each registered office carries the new key, signed with the old one; when that office&apos;s receipt comes back, the new key takes over and the old one is revoked. Until then the old key stays in use.

If this computer or its key was stolen, choose &quot;Change now&quot; instead: the old key stops at once, and every office must register your new key card.</source>
        <translation>将生成一对新密钥。之后写给每个已登记单位的数据包会附带新密钥（用旧密钥签名）；对方导入并发回回执后，新密钥自动启用，旧密钥作废。在此之前仍使用旧密钥。

如果本机电脑或密钥被盗，请改选“立即更换”：旧密钥马上停用，各单位须重新登记本单位的新密钥卡。</translation>
    </message>
    <message>
        <source>Change the key</source>
        <translation>更换密钥</translation>
    </message>
    <message>
        <source>Change now (key stolen)</source>
        <translation>立即更换（密钥被盗）</translation>
    </message>
    <message>
        <source>The new key&apos;s fingerprint is {fingerprint}. It goes out with the next package to each office ({count} to confirm).</source>
        <translation>新密钥的指纹是 {fingerprint}。它将随下一次写给各单位的数据包发出（待 {count} 个单位确认）。</translation>
    </message>
    <message>
        <source>The new key is in use. Fingerprint: {fingerprint}

Write the new key card and give it to each office to register.</source>
        <translation>新密钥已启用。指纹：{fingerprint}

请写出新的密钥卡，交各单位登记。</translation>
    </message>
    <message>
        <source>Key changed</source>
        <translation>密钥已更换</translation>
    </message>
    <message>
        <source>Key revoked</source>
        <translation>密钥已吊销</translation>
    </message>
    <message>
        <source>The key of {name} is revoked ({fingerprints}). Its packages are refused from now on; register its new key card when it brings one.</source>
        <translation>已吊销“{name}”的密钥（{fingerprints}）。此后它的数据包一律拒收；对方交来新的密钥卡后再登记。</translation>
    </message>
    <message>
        <source>Change key…</source>
        <translation>更换密钥…</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>吊销…</translation>
    </message>
</context>
<context>
    <name>Launch</name>
    <message>
        <source>Party Branch Desk is already running</source>
        <translation>党支部工作台已在运行</translation>
    </message>
    <message>
        <source>Risky database location</source>
        <translation>数据库位置有风险</translation>
    </message>
    <message>
        <source>Continue anyway? Choose Quit to move the database first.</source>
        <translation>仍要继续吗？选择“退出”可先把数据库移到安全位置。</translation>
    </message>
    <message>
        <source>Continue anyway</source>
        <translation>仍然继续</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>Cannot open the damaged file</source>
        <translation>无法打开损坏的文件</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>恢复失败</translation>
    </message>
    <message>
        <source>Backing up</source>
        <translation>正在备份</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <source>Nothing matches the search or filters; {count} record(s) are hidden.</source>
        <translation>没有符合搜索或筛选条件的记录；另有 {count} 条未显示。</translation>
    </message>
</context>
<context>
    <name>LookAgain</name>
    <message>
        <source>Look again</source>
        <translation>再看看</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Members</source>
        <translation>党员</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>学习</translation>
    </message>
    <message>
        <source>Data exchange</source>
        <translation>数据交换</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>The backup was restored. The database as it was before has been saved as {path}.</source>
        <translation>已从备份恢复。恢复前的数据库已另存为 {path}。</translation>
    </message>
    <message>
        <source>The backup was restored.</source>
        <translation>已从备份恢复。</translation>
    </message>
    <message>
        <source>A verified backup was saved as {path}.</source>
        <translation>已备份并校验，备份文件保存为 {path}。</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>Back up to a &amp;USB stick…</source>
        <translation>备份到U盘(&amp;U)…</translation>
    </message>
    <message>
        <source>Make a verified copy of the database now</source>
        <translation>立即为数据库做一份经过校验的备份</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;How to use</source>
        <translation>使用说明(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Party Branch Desk</source>
        <translation>关于党支部工作台(&amp;A)</translation>
    </message>
    <message>
        <source>Party Branch Desk</source>
        <translation>党支部工作台</translation>
    </message>
    <message>
        <source>Workbench</source>
        <translation>工作台</translation>
    </message>
    <message>
        <source>Party Branch Desk (committee)</source>
        <translation>党支部工作台（上级党委）</translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation>（只读）</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>Read-only: the database file is damaged</source>
        <translation>只读：数据库文件已损坏</translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation>数据库：{path}</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>尚无</translation>
    </message>
    <message>
        <source>Last backup: {when}</source>
        <translation>上次备份：{when}</translation>
    </message>
</context>
<context>
    <name>MaterialEditDialog</name>
    <message>
        <source>Choose the document</source>
        <translation>选择资料文件</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.docx *.doc *.wps *.txt *.xlsx *.pptx);;All files (*)</source>
        <translation>文档 (*.pdf *.docx *.doc *.wps *.txt *.xlsx *.pptx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Give a file or a link, not both.</source>
        <translation>文件和链接只填一项。</translation>
    </message>
    <message>
        <source>Add to the materials library</source>
        <translation>添加学习资料</translation>
    </message>
    <message>
        <source>Add a document (PDF, Word, text) or a web link. A file is copied into the attachments folder beside the database, so it stays available if the original is moved.</source>
        <translation>添加文档（PDF、Word、文本）或网页链接。文件会复制到数据库旁的附件文件夹，原文件移动或删除后仍可打开。</translation>
    </message>
    <message>
        <source>Title *</source>
        <translation>标题 *</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Or a link</source>
        <translation>或链接</translation>
    </message>
</context>
<context>
    <name>MaterialSendDialog</name>
    <message>
        <source>(sent already)</source>
        <translation>（已下发）</translation>
    </message>
    <message>
        <source>Tick at least one branch, or &apos;All branches&apos;.</source>
        <translation>请至少勾选一个支部，或勾选“全部已登记的下级党组织”。</translation>
    </message>
    <message>
        <source>“%1” goes down to every branch registered here with the next package to each.</source>
        <translation>“%1”将随下一个数据包发给全部已登记的下级党组织。</translation>
    </message>
    <message>
        <source>“%1” goes down to {count} branch(es) with the next package to each.</source>
        <translation>“%1”将随下一个数据包发给 {count} 个支部。</translation>
    </message>
    <message>
        <source>Send study material down</source>
        <translation>下发学习资料</translation>
    </message>
    <message>
        <source>Send “%1” with the next package to:</source>
        <translation>将《%1》随下一个数据包下发给：</translation>
    </message>
    <message>
        <source>All branches registered here</source>
        <translation>全部已登记的下级党组织</translation>
    </message>
    <message>
        <source>Send down</source>
        <translation>下发</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>MeetingBriefDialog</name>
    <message>
        <source>Choose at least one thing to create: the Word document or the picture.</source>
        <translation>请至少选择一种要生成的内容：Word 文档或图片。</translation>
    </message>
    <message>
        <source>Creating the brief…</source>
        <translation>正在生成简报…</translation>
    </message>
    <message>
        <source>Brief saved: {files}</source>
        <translation>简报已保存：{files}</translation>
    </message>
    <message>
        <source>No one was recorded as present.</source>
        <translation>这次会议没有记录出席人员。</translation>
    </message>
    <message>
        <source>Names are left out of the brief.</source>
        <translation>简报中不列出姓名。</translation>
    </message>
    <message>
        <source>Choose photos</source>
        <translation>选择照片</translation>
    </message>
    <message>
        <source>Pictures ({pattern})</source>
        <translation>图片（{pattern}）</translation>
    </message>
    <message>
        <source>Save the brief as</source>
        <translation>简报保存为</translation>
    </message>
    <message>
        <source>&amp;Create brief…</source>
        <translation>生成简报(&amp;C)…</translation>
    </message>
    <message>
        <source>Activity brief</source>
        <translation>活动简报</translation>
    </message>
    <message>
        <source>A brief is for publishing (a WeChat public account, a notice board). It never carries ID or phone numbers; names appear only if you tick the box below.</source>
        <translation>简报用于公开发布（微信公众号、宣传栏），不会包含身份证号码或电话号码；只有勾选下面的选项，才会列出参加人员的姓名。</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>标题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>yyyy-MM-dd</translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation>内容(&amp;S)</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>&amp;Add photos…</source>
        <translation>添加照片(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>List the &amp;names of those who attended</source>
        <translation>列出参加人员姓名(&amp;N)</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>&amp;Word document (.docx)</source>
        <translation>Word 文档（.docx）(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Picture for a WeChat article (.png)</source>
        <translation>微信公众号图片（.png）(&amp;P)</translation>
    </message>
</context>
<context>
    <name>MeetingCalendarModel</name>
    <message>
        <source>{month}</source>
        <comment>month column heading</comment>
        <translation>{month}月</translation>
    </message>
    <message>
        <source>Held {n}</source>
        <translation>已开 {n} 次</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>未召开</translation>
    </message>
    <message>
        <source>Before records</source>
        <translation>启用前</translation>
    </message>
    <message>
        <source>Due {held}/{required}</source>
        <translation>待开 {held}/{required}</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>待召开</translation>
    </message>
    <message>
        <source>{period} {name}: {held} held, {required} required</source>
        <translation>{period}{name}：应开 {required} 次，已开 {held} 次</translation>
    </message>
    <message>
        <source>Click to open its meetings.</source>
        <translation>点击打开会议记录。</translation>
    </message>
    <message>
        <source>Click to record one.</source>
        <translation>点击记录一次会议。</translation>
    </message>
    <message>
        <source>The branch records its meetings; they arrive with its packages.</source>
        <translation>会议由支部记录，随支部报送的数据包到达。</translation>
    </message>
    <message>
        <source>This period ended before the branch began keeping its records here (the day the file was set up, or its earliest meeting), so it is not counted as missing. Click to record an older meeting: periods are then reckoned from it.</source>
        <translation>这个期间在本支部开始用本程序记录之前（建档之日或最早一次会议）就已结束，不算未召开。点击可补录更早的会议：补录后从那次会议起计算。</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <source>Meeting record</source>
        <translation>会议记录</translation>
    </message>
    <message>
        <source>Agenda item</source>
        <translation>议程</translation>
    </message>
    <message>
        <source>Motion</source>
        <translation>表决事项</translation>
    </message>
    <message>
        <source>For</source>
        <translation>赞成</translation>
    </message>
    <message>
        <source>Against</source>
        <translation>反对</translation>
    </message>
    <message>
        <source>Abstaining</source>
        <translation>弃权</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>This meeting no longer exists; it may have been deleted.</source>
        <translation>找不到这次会议，可能已被删除。</translation>
    </message>
    <message>
        <source>{branch} keeps this meeting&apos;s record. What you change here is saved as a correction and goes back to the branch with the next package.</source>
        <translation>这条会议记录由{branch}管理。在这里所做的修改保存为更正，随下一个数据包发回该支部。</translation>
    </message>
    <message>
        <source>The higher committee corrected this record on {when}; it came with a package and reads as corrected. A change you make here goes up with the next package.</source>
        <translation>上级党委于 {when} 更正过这条会议记录，更正随数据包传来，这里显示的是更正后的内容。在这里再作修改，会随下一次报送交给上级。</translation>
    </message>
    <message>
        <source>Restore unsaved meeting record? Changes kept automatically at %1 were not saved.</source>
        <translation>恢复未保存的会议记录？%1 自动保存的内容还没有保存到记录中。</translation>
    </message>
    <message>
        <source>Nobody is on the roll yet: add or import the members on the Members page first.</source>
        <translation>还没有党员名单：请先在“党员”页导入或添加党员。</translation>
    </message>
    <message>
        <source>Choose the party group on the first tab: its members are listed here.</source>
        <translation>请先在“基本情况”中选择党小组，这里会列出该小组的党员。</translation>
    </message>
    <message>
        <source>No member&apos;s record names the party group “{group}” yet: fill in 党小组 in the members&apos; records on the Members page (or check the group is written the same way there).</source>
        <translation>还没有党员的档案填写了党小组“{group}”：请在“党员”页的档案中填写“党小组”一栏（或检查小组名称是否写法一致）。</translation>
    </message>
    <message>
        <source>members with a vote due to attend</source>
        <translation>应到会有表决权的党员</translation>
    </message>
    <message>
        <source>members with a vote present</source>
        <translation>实到会有表决权的党员</translation>
    </message>
    <message>
        <source>half</source>
        <translation>半数</translation>
    </message>
    <message>
        <source>Each matter put to the vote and the votes cast. A motion passes when the votes for are more than %1 of the %2 (rule in Settings).</source>
        <translation>每个表决事项及赞成、反对、弃权票数。赞成票超过%2的%1为通过（规则可在“设置”中修改）。</translation>
    </message>
    <message>
        <source>“{title}” has {cast} votes, more than the {expected} members with a vote due to attend: the numbers are wrong and the record cannot be saved so. Please check.</source>
        <translation>“{title}”共 {cast} 票，超过了应到会有表决权的 {expected} 人：票数有误，这样不能保存，请核对。</translation>
    </message>
    <message>
        <source>“{title}” has {cast} votes, more than the {present} members with a vote present: the others must be written opinions sent in before the meeting by members who could not come. Please check.</source>
        <translation>“{title}”共 {cast} 票，多于实到会有表决权的 {present} 人：多出的应是因故未到会党员会前提交的书面意见，请核对。</translation>
    </message>
    <message>
        <source>Votes wrong</source>
        <translation>票数有误</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Not passed</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>Add attachments</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>Photos and scans (*.jpg *.jpeg *.png *.pdf *.tif *.tiff);;All files (*)</source>
        <translation>照片和扫描件 (*.jpg *.jpeg *.png *.pdf *.tif *.tiff);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>Basics</source>
        <translation>基本情况</translation>
    </message>
    <message>
        <source>Meeting type:</source>
        <translation>会议类型：</translation>
    </message>
    <message>
        <source>Topic:</source>
        <translation>会议主题：</translation>
    </message>
    <message>
        <source>What the meeting was about</source>
        <translation>例如：学习贯彻党的二十届四中全会精神</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>会议日期：</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>时间：</translation>
    </message>
    <message>
        <source>14:30</source>
        <translation>如 14:30</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>16:00</source>
        <translation>如 16:00</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>地点：</translation>
    </message>
    <message>
        <source>Chair:</source>
        <translation>主持人：</translation>
    </message>
    <message>
        <source>Recorder:</source>
        <translation>记录人：</translation>
    </message>
    <message>
        <source>Lecturer:</source>
        <translation>授课人：</translation>
    </message>
    <message>
        <source>Party group:</source>
        <translation>党小组：</translation>
    </message>
    <message>
        <source>A new record starts from the usual agenda and outline of its type.</source>
        <translation>新记录按会议类型预先填好常用议程和记录提纲，可以修改。</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>出席情况</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>议程</translation>
    </message>
    <message>
        <source>One line per item, in the order taken. Double-click an item to change it.</source>
        <translation>每行一项，按会议顺序排列。双击可以修改。</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>添加议程</translation>
    </message>
    <message>
        <source>Remove item</source>
        <translation>删除议程</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>会议内容</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>加粗</translation>
    </message>
    <message>
        <source>Bold (Ctrl+B)</source>
        <translation>加粗（Ctrl+B）</translation>
    </message>
    <message>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>Bulleted list</source>
        <translation>项目符号列表</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>表决事项</translation>
    </message>
    <message>
        <source>Each matter put to the vote and the votes cast. Whether it passed follows the rule in Settings.</source>
        <translation>每个表决事项及赞成、反对、弃权票数。是否通过按“设置”中的表决规则计算。</translation>
    </message>
    <message>
        <source>Add motion</source>
        <translation>添加表决事项</translation>
    </message>
    <message>
        <source>Remove motion</source>
        <translation>删除表决事项</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>会议决定</translation>
    </message>
    <message>
        <source>What the meeting decided, one decision per line.</source>
        <translation>会议作出的决定，每行一项。</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Photos and scanned sign-in sheets (optional). Each file is kept once, however often it is attached.</source>
        <translation>照片、签到表扫描件等（可不填）。同一文件无论添加几次，只保存一份。</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>MeetingDocs</name>
    <message>
        <source>The photo {name} could not be read as a picture.</source>
        <translation>照片“{name}”无法作为图片读取。</translation>
    </message>
    <message>
        <source>Save the meeting register as</source>
        <translation>会议台账保存为</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Meeting register saved ({count} meetings): {path}</source>
        <translation>会议台账已保存（{count} 次会议）：{path}</translation>
    </message>
    <message>
        <source>The meeting register of {year} ({count} meetings) is saved:</source>
        <translation>{year}年会议台账（{count} 次会议）已保存：</translation>
    </message>
    <message>
        <source>Meeting register</source>
        <translation>会议台账</translation>
    </message>
</context>
<context>
    <name>MeetingDocsButton</name>
    <message>
        <source>Choose a meeting first.</source>
        <translation>请先选择一次会议。</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <source>Save the minutes as</source>
        <translation>会议记录保存为</translation>
    </message>
    <message>
        <source>Minutes saved: {path}</source>
        <translation>会议记录已保存：{path}</translation>
    </message>
    <message>
        <source>Meeting documents</source>
        <translation>会议文档</translation>
    </message>
    <message>
        <source>The minutes are saved:</source>
        <translation>会议记录已保存：</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>会议文档</translation>
    </message>
    <message>
        <source>The minutes of this meeting as PDF, on paper or as Word, and an activity brief</source>
        <translation>把这次会议的记录导出为 PDF、打印或导出为 Word，或制作活动简报</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Export Word…</source>
        <translation>导出Word…</translation>
    </message>
    <message>
        <source>Make activity brief…</source>
        <translation>制作活动简报…</translation>
    </message>
    <message>
        <source>Meeting register of {year} (Excel)…</source>
        <translation>{year}年会议台账（Excel）…</translation>
    </message>
</context>
<context>
    <name>MeetingDrafts</name>
    <message>
        <source>(No: not now; what was typed is kept, and offered again when the form is next opened.)</source>
        <translation>（选“否”：这次先不打开，填写的内容仍然保留，下次打开这份表格时还可以恢复。）</translation>
    </message>
    <message>
        <source>A meeting record was being written and not saved (last kept %1). Open it now to finish it?</source>
        <translation>有一份会议记录还没有保存（最后自动保存于 %1）。现在打开继续填写吗？</translation>
    </message>
    <message>
        <source>Restore unsaved meeting record?</source>
        <translation>恢复未保存的会议记录？</translation>
    </message>
</context>
<context>
    <name>MeetingList</name>
    <message>
        <source>Met</source>
        <translation>符合</translation>
    </message>
    <message>
        <source>Not met</source>
        <translation>不符合</translation>
    </message>
    <message>
        <source>Voting members present {present} of {expected}; members present {all} of {roll}</source>
        <translation>有表决权的应到 {expected} 人、实到 {present} 人；全体应到 {roll} 人、实到 {all} 人</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>会议类型</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>应到</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>实到</translation>
    </message>
    <message>
        <source>Quorum</source>
        <translation>法定人数</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>支部</translation>
    </message>
</context>
<context>
    <name>MeetingsPage</name>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Delete meeting</source>
        <translation>删除会议记录</translation>
    </message>
    <message>
        <source>Delete the meeting of {date} “{topic}”? Its record and attendance are removed.</source>
        <translation>要删除 {date}“{topic}”这次会议吗？会议记录和出席情况将一并删除。</translation>
    </message>
    <message>
        <source>This meeting was counted as study ({hours} study hours × {people} members): deleting the meeting also deletes that study record.</source>
        <translation>这次会议已计为学习（{hours} 学时 × {people} 人），删除会议将同时删除这条学习记录。</translation>
    </message>
    <message>
        <source>The meetings could not be read.</source>
        <translation>会议记录未能读出。</translation>
    </message>
    <message>
        <source>The meeting calendar could not be read.</source>
        <translation>年度日历未能读出。</translation>
    </message>
    <message>
        <source>The attendance could not be read.</source>
        <translation>出勤统计未能读出。</translation>
    </message>
    <message>
        <source>Save the attendance statistics as</source>
        <translation>保存党员出勤统计</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Attendance statistics saved ({count} members): {path}</source>
        <translation>党员出勤统计已保存（{count} 名党员）：{path}</translation>
    </message>
    <message>
        <source>Attendance statistics</source>
        <translation>党员出勤统计</translation>
    </message>
    <message>
        <source>The attendance statistics of {year} ({count} members) are saved:</source>
        <translation>{year}年党员出勤统计（{count} 名党员）已保存：</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>The meeting record dialog is not part of this version yet.</source>
        <translation>此版本尚未提供会议记录窗口。</translation>
    </message>
    <message>
        <source>Meeting record saved: {topic}</source>
        <translation>会议记录已保存：{topic}</translation>
    </message>
    <message>
        <source>This is the calendar of {branch}. A branch records its own meetings on its computer; they arrive here with its next package. A meeting recorded here is this committee&apos;s own, with its own members: record it with New meeting on the Meeting records tab.</source>
        <translation>这是{branch}的年度日历。支部的会议由支部在自己的电脑上记录，随下一次报送的数据包到达党委。在这里记录的会议是本党委自己的会议，应到人员是本党委的党员：请在“会议记录”标签中点“新建会议记录…”。</translation>
    </message>
    <message>
        <source>Meeting records</source>
        <translation>会议记录</translation>
    </message>
    <message>
        <source>Year calendar</source>
        <translation>年度日历</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>出勤统计</translation>
    </message>
    <message>
        <source>Heart-to-heart talks</source>
        <translation>谈心谈话</translation>
    </message>
    <message>
        <source>Search: topic, type, group or date</source>
        <translation>搜索主题、类型、党小组、日期</translation>
    </message>
    <message>
        <source>No meetings recorded in this year yet.</source>
        <translation>这一年还没有会议记录。</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>年份(&amp;Y)：</translation>
    </message>
    <message>
        <source> </source>
        <comment>year suffix</comment>
        <translation> 年</translation>
    </message>
    <message>
        <source>New meeting…</source>
        <translation>新建会议记录…</translation>
    </message>
    <message>
        <source>Record a meeting (Ctrl+N)</source>
        <translation>记录一次会议（Ctrl+N）</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Open the selected meeting (Enter or double-click)</source>
        <translation>打开选中的会议记录（回车或双击）</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete a meeting recorded by mistake (Del)</source>
        <translation>删除误录的会议记录（Del）</translation>
    </message>
    <message>
        <source>Record the first meeting…</source>
        <translation>记录第一次会议…</translation>
    </message>
</context>
<context>
    <name>MemberDeleteDialog</name>
    <message>
        <source>Entered by mistake</source>
        <translation>录入错误</translation>
    </message>
    <message>
        <source>Entered twice (duplicate)</source>
        <translation>重复录入</translation>
    </message>
    <message>
        <source>Not a member of this branch</source>
        <translation>非本支部党员</translation>
    </message>
    <message>
        <source>Other (please explain)</source>
        <translation>其他（请说明）</translation>
    </message>
    <message>
        <source>Please explain the reason.</source>
        <translation>请填写具体原因。</translation>
    </message>
    <message>
        <source>Delete member</source>
        <translation>删除党员</translation>
    </message>
    <message>
        <source>Delete the member “{name}”?</source>
        <translation>确定删除党员“{name}”吗？</translation>
    </message>
    <message>
        <source>Deleting removes this person&apos;s details for good; it cannot be undone. Use it only for a record entered by mistake. If the member transferred out, died or left the Party, keep the record and use “Record a change” on the member&apos;s page instead. Backups made before today still hold the record until they age out (within about ten months).</source>
        <translation>删除后，此人的信息将被彻底清除，无法恢复。删除只用于录入错误的记录；党员转出、去世或出党时，请保留记录，在党员详情页用“记录变动”登记。今天以前的备份中仍保存着这条记录，会在备份按期清理后消失（约十个月内）。</translation>
    </message>
    <message>
        <source>This is a member of {branch}: the deletion is sent to the branch as the committee&apos;s correction in the next package, and removes the member from its roll too.</source>
        <translation>这是“{branch}”的党员：删除将作为党委的更正随下一个数据包发给该支部，该支部的花名册上也会删去此人。</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>删除原因：</translation>
    </message>
    <message>
        <source>Explanation:</source>
        <translation>具体说明：</translation>
    </message>
    <message>
        <source>Required for “Other”, optional otherwise</source>
        <translation>选择“其他”时必填，其余情况可不填</translation>
    </message>
    <message>
        <source>Choose a reason</source>
        <translation>请选择原因</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>MemberDetailPage</name>
    <message>
        <source>Basic information</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Party membership</source>
        <translation>党员信息</translation>
    </message>
    <message>
        <source>Work and contact</source>
        <translation>工作与联系方式</translation>
    </message>
    <message>
        <source>Lost contact and migration</source>
        <translation>失联与流动</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>尚无</translation>
    </message>
    <message>
        <source>{year}: present at {present} meetings, excused from {leave}, absent from {absent}; last attended {last}; last heart-to-heart talk {talk}; {hours} study hours.</source>
        <translation>{year}年：出席会议 {present} 次，请假 {leave} 次，缺席 {absent} 次；最近一次参加组织生活：{last}；最近一次谈心谈话：{talk}；已完成学时 {hours}。</translation>
    </message>
    <message>
        <source>This member no longer exists; it may have been deleted.</source>
        <translation>找不到这名党员，可能已被删除。</translation>
    </message>
    <message>
        <source>Last changed: {when}</source>
        <translation>最后修改：{when}</translation>
    </message>
    <message>
        <source> (corrected by the higher committee)</source>
        <translation>（上级更正）</translation>
    </message>
    <message>
        <source>The history cannot be read: it is on the damaged part of the database file.</source>
        <translation>变动记录读不出：它在数据库文件损坏的地方。</translation>
    </message>
    <message>
        <source>No changes recorded yet.</source>
        <translation>还没有变动记录。</translation>
    </message>
    <message>
        <source>{age} years old</source>
        <translation>{age} 岁</translation>
    </message>
    <message>
        <source>joined {date}</source>
        <translation>{date} 入党</translation>
    </message>
    <message>
        <source>{years} years in the Party</source>
        <translation>党龄 {years} 年</translation>
    </message>
    <message>
        <source>Lost contact</source>
        <translation>失联</translation>
    </message>
    <message>
        <source>Migrant: {place}</source>
        <translation>流动：{place}</translation>
    </message>
    <message>
        <source>Entry withdrawn: {entry}</source>
        <translation>已撤销变动记录：{entry}</translation>
    </message>
    <message>
        <source>← Back to {page}</source>
        <translation>← 返回{page}</translation>
    </message>
    <message>
        <source>← Back to the roster</source>
        <translation>← 返回花名册</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Edit this member (F2)</source>
        <translation>编辑这名党员的信息（F2）</translation>
    </message>
    <message>
        <source>Record a &amp;change</source>
        <translation>记录变动(&amp;C)</translation>
    </message>
    <message>
        <source>Show full numbers</source>
        <translation>显示完整号码</translation>
    </message>
    <message>
        <source>History</source>
        <translation>变动记录</translation>
    </message>
    <message>
        <source>{field}:</source>
        <translation>{field}：</translation>
    </message>
</context>
<context>
    <name>MemberDrafts</name>
    <message>
        <source>This form was being filled in and not saved (kept automatically at {when}). Restore what was typed?</source>
        <translation>这份档案上次填写后没有保存（程序于 {when} 自动留存了草稿），可能因断电或程序意外关闭。要恢复当时填写的内容吗？</translation>
    </message>
    <message>
        <source>A member&apos;s record was being filled in and not saved (kept automatically at {when}). Open it now to finish it?</source>
        <translation>有一名党员的档案填写到一半还没有保存（已于 {when} 自动保留）。现在打开接着填完吗？</translation>
    </message>
    <message>
        <source>Restore an unsaved member record?</source>
        <translation>恢复未保存的党员档案？</translation>
    </message>
</context>
<context>
    <name>MemberEditDialog</name>
    <message>
        <source>Please check the items marked in amber. If they are right, click “Save anyway”.</source>
        <translation>请核对标为橙色的内容；确认无误后，点击“仍然保存”。</translation>
    </message>
    <message>
        <source>Not saved. Please correct: {items}.</source>
        <translation>未保存。请更正：{items}。</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>未保存。</translation>
    </message>
    <message>
        <source>Please check: </source>
        <translation>请核对：</translation>
    </message>
    <message>
        <source>Add a member</source>
        <translation>新增党员</translation>
    </message>
    <message>
        <source>Edit member: {name}</source>
        <translation>编辑党员信息：{name}</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>仍然保存</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>{branch} keeps this member&apos;s record. What you change here is saved as a correction and goes back to the branch with the next package; the branch&apos;s own later change to the same record is shown to a person to decide.</source>
        <translation>这名党员的档案由{branch}管理。在这里所做的修改保存为更正，随下次数据包发回该支部；该支部此后对同一记录的修改，会交给人工比对决定。</translation>
    </message>
    <message>
        <source>A member added here is on the roll of {office} itself, not of a branch. A branch&apos;s members are entered by the branch and come up with its packages.</source>
        <translation>在这里新增的党员记在{office}本身的名下，不属于任何支部。支部的党员请由支部自己录入，随支部的数据包报送上来。</translation>
    </message>
    <message>
        <source>(not filled in)</source>
        <translation>（未填）</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>党员信息</translation>
    </message>
    <message>
        <source>Items marked * are required. Dates can be written as 2021-07-01, 2021/7/1 or 2021年7月1日; a date known only to the month or the year as 2019.3 or 1972年. Birth date and gender are taken from the ID number when left empty or without the day.</source>
        <translation>带 * 的为必填项。日期可写成 2021-07-01、2021/7/1 或 2021年7月1日；只知道年月或年份的，可写成 2019.3 或 1972年。出生日期和性别不填（或出生日期没有日）时，按公民身份号码自动填写。</translation>
    </message>
    <message>
        <source>Basic information</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>* Name:</source>
        <translation>* 姓名：</translation>
    </message>
    <message>
        <source>Gender:</source>
        <translation>性别：</translation>
    </message>
    <message>
        <source>Ethnicity:</source>
        <translation>民族：</translation>
    </message>
    <message>
        <source>ID type:</source>
        <translation>证件类型：</translation>
    </message>
    <message>
        <source>* ID number:</source>
        <translation>* 公民身份号码：</translation>
    </message>
    <message>
        <source>Date of birth:</source>
        <translation>出生日期：</translation>
    </message>
    <message>
        <source>e.g. 2021-07-01</source>
        <translation>如 2021-07-01</translation>
    </message>
    <message>
        <source>Education:</source>
        <translation>学历：</translation>
    </message>
    <message>
        <source>Degree:</source>
        <translation>学位：</translation>
    </message>
    <message>
        <source>Native place:</source>
        <translation>籍贯：</translation>
    </message>
    <message>
        <source>Party membership</source>
        <translation>党员信息</translation>
    </message>
    <message>
        <source>* Category:</source>
        <translation>* 人员类别：</translation>
    </message>
    <message>
        <source>* Joined the Party on:</source>
        <translation>* 入党日期：</translation>
    </message>
    <message>
        <source>Full member since:</source>
        <translation>转为正式党员日期：</translation>
    </message>
    <message>
        <source>Membership status:</source>
        <translation>党籍状态：</translation>
    </message>
    <message>
        <source>Party group:</source>
        <translation>党小组：</translation>
    </message>
    <message>
        <source>Party post:</source>
        <translation>党内职务：</translation>
    </message>
    <message>
        <source>Work and contact</source>
        <translation>工作与联系方式</translation>
    </message>
    <message>
        <source>Occupation:</source>
        <translation>工作岗位：</translation>
    </message>
    <message>
        <source>Workplace:</source>
        <translation>工作单位：</translation>
    </message>
    <message>
        <source>Started work:</source>
        <translation>参加工作日期：</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>联系电话：</translation>
    </message>
    <message>
        <source>Home address:</source>
        <translation>家庭住址：</translation>
    </message>
    <message>
        <source>Lost contact and migration</source>
        <translation>失联与流动</translation>
    </message>
    <message>
        <source>Has lost contact with the branch</source>
        <translation>已与党组织失去联系</translation>
    </message>
    <message>
        <source>Lost contact since:</source>
        <translation>失去联系日期：</translation>
    </message>
    <message>
        <source>Cause:</source>
        <translation>失联原因：</translation>
    </message>
    <message>
        <source>Migrant member (living or working elsewhere)</source>
        <translation>流动党员（在外务工、经商或居住）</translation>
    </message>
    <message>
        <source>Gone to:</source>
        <translation>外出流向：</translation>
    </message>
    <message>
        <source>Away since:</source>
        <translation>外出日期：</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>MemberEventDialog</name>
    <message>
        <source>A change for this member was being recorded and not saved (kept automatically at {when}). Restore what was chosen and typed?</source>
        <translation>这名党员的一项变动上次填写后没有保存（程序于 {when} 自动留存了草稿），可能因断电或程序意外关闭。要恢复当时选择和填写的内容吗？</translation>
    </message>
    <message>
        <source>The draft&apos;s change “{kind}” can no longer be chosen for this member: his record has changed since. Choose the change again.</source>
        <translation>草稿里的变动“{kind}”现在不能为该党员选择：其记录此后已有变化。请重新选择变动类型。</translation>
    </message>
    <message>
        <source>Before probation ends</source>
        <translation>预备期未满</translation>
    </message>
    <message>
        <source>Probation ends on {ends}; the 转正 date {date} is earlier. A probationary member becomes a full member only once probation is over. Record it with this date all the same?</source>
        <translation>预备期到 {ends} 才满，填写的转正日期 {date} 早于期满。预备党员须在预备期满后才能转正。仍按这个日期记录吗？</translation>
    </message>
    <message>
        <source>Record all the same</source>
        <translation>仍然记录</translation>
    </message>
    <message>
        <source>Change the date</source>
        <translation>返回修改日期</translation>
    </message>
    <message>
        <source>Recorded, please check</source>
        <translation>已记录，请核对</translation>
    </message>
    <message>
        <source>Ground:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>How:</source>
        <translation>方式：</translation>
    </message>
    <message>
        <source>Penalty:</source>
        <translation>处分：</translation>
    </message>
    <message>
        <source>Extended by:</source>
        <translation>延长：</translation>
    </message>
    <message>
        <source>Cause:</source>
        <translation>失联原因：</translation>
    </message>
    <message>
        <source>Gone to:</source>
        <translation>外出流向：</translation>
    </message>
    <message>
        <source>Province, city and workplace, e.g. 广东省深圳市</source>
        <translation>省、市及单位，如 广东省深圳市</translation>
    </message>
    <message>
        <source>Transferred to:</source>
        <translation>转往：</translation>
    </message>
    <message>
        <source>The receiving Party organisation (optional)</source>
        <translation>接收的党组织（可不填）</translation>
    </message>
    <message>
        <source>Transferred from:</source>
        <translation>转自：</translation>
    </message>
    <message>
        <source>The previous Party organisation (optional)</source>
        <translation>原所在党组织（可不填）</translation>
    </message>
    <message>
        <source>转正 normally takes effect on the day probation ends ({date}).</source>
        <translation>转正一般自预备期满之日（{date}）起计算，请核对日期。</translation>
    </message>
    <message>
        <source>Record a change</source>
        <translation>记录变动</translation>
    </message>
    <message>
        <source>Record a dated change for {name}. The member&apos;s status is updated from it.</source>
        <translation>为 {name} 登记一项带日期的变动，党员的状态会据此自动更新。</translation>
    </message>
    <message>
        <source>Change:</source>
        <translation>变动类型：</translation>
    </message>
    <message>
        <source>Choose the kind of change</source>
        <translation>请选择变动类型</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Optional: meeting that decided it, document number, …</source>
        <translation>可不填：如作出决定的会议、文件编号等</translation>
    </message>
    <message>
        <source>(not known)</source>
        <translation>（不详）</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>one year</source>
        <translation>一年</translation>
    </message>
    <message>
        <source>two years</source>
        <translation>二年</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <source>Restore an unsaved change?</source>
        <translation>恢复未保存的党员变动？</translation>
    </message>
    <message>
        <source>A member&apos;s change was being recorded and not saved (kept automatically at {when}). Open it now to finish it?</source>
        <translation>有一项党员变动（记录变动）填写到一半还没有保存（已于 {when} 自动保留）。现在打开接着填完吗？</translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message>
        <source>(In no party group)</source>
        <translation>（未编入党小组）</translation>
    </message>
    <message>
        <source>Filters cleared to show the member just saved.</source>
        <translation>已清除筛选，以显示刚保存的党员。</translation>
    </message>
    <message>
        <source>Reading the roster…</source>
        <translation>正在读取花名册…</translation>
    </message>
    <message>
        <source>{total} members on the roll, none match. Clear the search or the filters to see them.</source>
        <translation>在册 {total} 人，没有符合条件的。清除搜索或筛选条件即可看到。</translation>
    </message>
    <message>
        <source>{total} members on the roll, {shown} shown</source>
        <translation>在册 {total} 人，显示 {shown} 人</translation>
    </message>
    <message>
        <source>{label}: {shown} members</source>
        <translation>{label}：共 {shown} 人</translation>
    </message>
    <message>
        <source>This member no longer exists; it may have been deleted.</source>
        <translation>找不到这名党员，可能已被删除。</translation>
    </message>
    <message>
        <source>This member no longer exists (deleted since?): what was typed is in the form for a new member, to save or to discard.</source>
        <translation>这名党员的档案已不存在（可能已被删除）：填写到一半的内容已放进新增党员的表格，可核对后保存，或取消丢弃。</translation>
    </message>
    <message>
        <source>{count} members put in “{group}”.</source>
        <translation>已将 {count} 名党员编入“{group}”。</translation>
    </message>
    <message>
        <source>{count} members taken out of their party group.</source>
        <translation>已将 {count} 名党员移出党小组。</translation>
    </message>
    <message>
        <source> {count} of those selected were no longer on the roster.</source>
        <translation>选中的党员中有 {count} 名已不在花名册上。</translation>
    </message>
    <message>
        <source>Member deleted: {name}. Older backups keep the record until they age out.</source>
        <translation>已删除党员：{name}。较早的备份中仍保存着这条记录，会在备份按期清理后消失。</translation>
    </message>
    <message>
        <source>The roster could not be read.</source>
        <translation>花名册未能读出。</translation>
    </message>
    <message>
        <source>{branch}: {total} members on the roll, none match. Clear the search or the filters to see them.</source>
        <translation>{branch}：在册 {total} 人，没有符合条件的。清除搜索或筛选条件即可看到。</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>新增党员</translation>
    </message>
    <message>
        <source>Add a member (Ctrl+N)</source>
        <translation>新增党员（Ctrl+N）</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Edit the selected member (F2)</source>
        <translation>编辑选中的党员（F2）</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>查看详情</translation>
    </message>
    <message>
        <source>Open the member&apos;s page (Enter or double-click)</source>
        <translation>打开党员详情页（回车或双击）</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete a record entered by mistake (Del)</source>
        <translation>删除录入错误的记录（Del 键）</translation>
    </message>
    <message>
        <source>Party group…</source>
        <translation>分配党小组…</translation>
    </message>
    <message>
        <source>Put the selected members in one party group (select several with Ctrl or Shift)</source>
        <translation>把选中的党员编入同一个党小组（按住 Ctrl 或 Shift 可选多人）</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Import members from an Excel roster</source>
        <translation>从 Excel 花名册导入党员</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Export the roster to Excel</source>
        <translation>把花名册导出为 Excel</translation>
    </message>
    <message>
        <source>Search: name, pinyin (zs or zhangsan), or the last digits of ID or phone</source>
        <translation>搜索：姓名、拼音（如 zs 或 zhangsan），或身份证号、电话的末几位</translation>
    </message>
    <message>
        <source>Ctrl+F to search; Esc empties the box</source>
        <translation>Ctrl+F 转到搜索框；在搜索框中按 Esc 清空</translation>
    </message>
    <message>
        <source>Show full numbers</source>
        <translation>显示完整号码</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>显示列</translation>
    </message>
    <message>
        <source>Default columns</source>
        <translation>恢复默认列</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>人员类别：</translation>
    </message>
    <message>
        <source>Party group:</source>
        <translation>党小组：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>党籍状态：</translation>
    </message>
    <message>
        <source>Lost contact:</source>
        <translation>失联：</translation>
    </message>
    <message>
        <source>Migrant:</source>
        <translation>流动：</translation>
    </message>
    <message>
        <source>Roll:</source>
        <translation>在册：</translation>
    </message>
    <message>
        <source>No members yet. Click “Add member” to enter them one by one, or use “Import” to read an Excel roster.</source>
        <translation>还没有党员记录。点击“新增党员”逐个录入，或用“导入”从 Excel 花名册导入。</translation>
    </message>
    <message>
        <source>Import from Excel…</source>
        <translation>从 Excel 导入…</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Lost contact</source>
        <translation>失联</translation>
    </message>
    <message>
        <source>In contact</source>
        <translation>未失联</translation>
    </message>
    <message>
        <source>Migrant</source>
        <translation>流动</translation>
    </message>
    <message>
        <source>Not migrant</source>
        <translation>非流动</translation>
    </message>
    <message>
        <source>On the roll</source>
        <translation>在册</translation>
    </message>
    <message>
        <source>Left the roll</source>
        <translation>已减员</translation>
    </message>
    <message>
        <source>search “{text}”</source>
        <translation>搜索“{text}”</translation>
    </message>
</context>
<context>
    <name>NameOrder</name>
    <message>
        <source>Sort names by pinyin</source>
        <translation>姓名按拼音排序</translation>
    </message>
    <message>
        <source>Sort names by surname strokes</source>
        <translation>姓名按姓氏笔画排序</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>显示列</translation>
    </message>
</context>
<context>
    <name>NoticeEditDialog</name>
    <message>
        <source>A notice was being written and not saved (kept automatically at {when}). Restore what was typed?</source>
        <translation>这份通知上次写到一半没有发布（程序于 {when} 自动留存了草稿），可能因断电或程序意外关闭。要恢复当时填写的内容吗？</translation>
    </message>
    <message>
        <source>Choose files</source>
        <translation>选择附件</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.docx *.doc *.wps *.txt *.xlsx *.xls *.pptx);;All files (*)</source>
        <translation>文档 (*.pdf *.docx *.doc *.wps *.txt *.xlsx *.xls *.pptx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>all {count} registered organisations below</source>
        <translation>全部 {count} 个已登记的下级党组织</translation>
    </message>
    <message>
        <source>Publish the notice “{title}” to {whom}?</source>
        <translation>确定向{whom}发布通知《{title}》吗？</translation>
    </message>
    <message>
        <source>It goes with the next package exported to each of them. Once published it cannot be changed, only withdrawn.</source>
        <translation>通知将随下次导出给各单位的数据包送达。发布后不能修改，只能撤回。</translation>
    </message>
    <message>
        <source>The notice has no text and no file.</source>
        <translation>通知没有正文，也没有附件。</translation>
    </message>
    <message>
        <source>Publish a notice</source>
        <translation>发布通知</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>返回修改</translation>
    </message>
    <message>
        <source>Restore an unpublished notice?</source>
        <translation>恢复未发布的通知？</translation>
    </message>
    <message>
        <source>A notice was being written and not published (kept automatically at {when}). Open it now to finish it?</source>
        <translation>有一份通知写到一半还没有发布（已于 {when} 自动保留）。现在打开接着写完吗？</translation>
    </message>
    <message>
        <source>Write a notice</source>
        <translation>发布通知</translation>
    </message>
    <message>
        <source>The notice and its files go to the branches ticked below with the next package written for each of them. Branches receive it read-only.</source>
        <translation>通知及其附件将随下次写给各党组织的数据包一并送达下面勾选的党组织；下级收到后只能查看，不能修改。</translation>
    </message>
    <message>
        <source>Title *</source>
        <translation>标题 *</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>发文单位</translation>
    </message>
    <message>
        <source>To be done by</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Send to *</source>
        <translation>下发至 *</translation>
    </message>
    <message>
        <source>All registered branches</source>
        <translation>全部已登记的下级党组织</translation>
    </message>
</context>
<context>
    <name>NoticeWithdrawDialog</name>
    <message>
        <source>Withdraw a notice</source>
        <translation>撤回通知</translation>
    </message>
    <message>
        <source>Withdraw the notice “{title}”?</source>
        <translation>撤回通知《{title}》？</translation>
    </message>
    <message>
        <source>The notice stays in the list marked withdrawn, with the reason at the top of its text. The next package to each branch it was sent to tells them so; it then asks nothing of them. A branch it has not reached yet never gets it. A withdrawn notice cannot be sent again: write a new one if needed.</source>
        <translation>通知不会被删除：它仍留在列表中，标为“已撤回”，撤回原因写在正文最前面。下次向各支部导出数据包时，收到过它的支部会看到已撤回，不必再办理；还没有给其导出过这份通知的支部，以后也不会收到它。撤回后不能再次下发，如有需要请另发新通知。</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Required, e.g. the deadline was wrong</source>
        <translation>必填，例如：截止日期写错</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
</context>
<context>
    <name>NoticesPanel</name>
    <message>
        <source>Issued {issued} by {issuer}</source>
        <translation>{issued} 由{issuer}发布</translation>
    </message>
    <message>
        <source>; to be done by {deadline}</source>
        <translation>；要求 {deadline} 前办理</translation>
    </message>
    <message>
        <source>Marked done here on {when}; the next package to the committee says so.</source>
        <translation>本单位已于 {when} 标为已办理；下一次报送的数据包会告诉上级党委。</translation>
    </message>
    <message>
        <source>; for {names}</source>
        <translation>；发给：{names}</translation>
    </message>
    <message>
        <source>received</source>
        <translation>已收到（对方已确认）</translation>
    </message>
    <message>
        <source>on a stick, not yet confirmed</source>
        <translation>已写入数据包，等待对方确认</translation>
    </message>
    <message>
        <source>goes with the next package</source>
        <translation>尚未导出，随下次导出的数据包送达</translation>
    </message>
    <message>
        <source>Sent to:</source>
        <translation>发送情况：</translation>
    </message>
    <message>
        <source>done (marked {when})</source>
        <translation>已办理（{when} 标记）</translation>
    </message>
    <message>
        <source>read (opened {when})</source>
        <translation>已读（{when} 打开）</translation>
    </message>
    <message>
        <source>Mark as done</source>
        <translation>标为已办理</translation>
    </message>
    <message>
        <source>Has this office done what “{title}” asks? The committee sees it as done once it imports this office&apos;s next package. This cannot be taken back.</source>
        <translation>《{title}》要求的事项本单位已经办完了吗？上级党委导入本单位下一次报送的数据包后，会看到“已办理”。标记后不能撤销。</translation>
    </message>
    <message>
        <source>Save the file as</source>
        <translation>附件另存为</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>已保存：{path}</translation>
    </message>
    <message>
        <source>Cannot save the file</source>
        <translation>无法保存附件</translation>
    </message>
    <message>
        <source>Cannot open the file</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>done {done}/{all}</source>
        <translation>已办理 {done}/{all}</translation>
    </message>
    <message>
        <source>read {read}/{all}</source>
        <translation>已读 {read}/{all}</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已办理</translation>
    </message>
    <message>
        <source>unread</source>
        <translation>未读</translation>
    </message>
    <message>
        <source>read</source>
        <translation>已读</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>From</source>
        <translation>发文单位</translation>
    </message>
    <message>
        <source>To</source>
        <translation>发往</translation>
    </message>
    <message>
        <source>All branches ({count})</source>
        <translation>全部支部（{count}）</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Write a notice…</source>
        <translation>发布通知…</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>撤回…</translation>
    </message>
    <message>
        <source>Mark as done…</source>
        <translation>标为已办理…</translation>
    </message>
    <message>
        <source>Say that this office has done what the selected notice asks; the committee sees it once it imports this office&apos;s next package.</source>
        <translation>说明本单位已经办完所选通知要求的事项；上级党委导入本单位下一次报送的数据包后就能看到。</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>No notice yet. Notices from the committee arrive in its packages.</source>
        <translation>还没有通知。上级党委的通知随其数据包送达。</translation>
    </message>
    <message>
        <source>No notice yet. Write one (Write a notice…) and choose the branches it goes to; it goes down with the next package exported to each.</source>
        <translation>还没有通知。点“发布通知…”写好通知并选择发给哪些支部；通知随下次导出给各支部的数据包送达。</translation>
    </message>
    <message>
        <source>Search title or text</source>
        <translation>搜索标题或正文</translation>
    </message>
    <message>
        <source>Open the file</source>
        <translation>打开附件</translation>
    </message>
</context>
<context>
    <name>OffsiteBackupDialog</name>
    <message>
        <source>Back up to a USB stick</source>
        <translation>备份到U盘</translation>
    </message>
    <message>
        <source>Everything this program keeps (members, meetings, study records and their attachments) is encrypted and written to the USB stick. Keep the stick away from this computer: if the computer breaks or is lost, the data can be restored from the stick on another one.</source>
        <translation>把本程序保存的全部数据（党员、会议、学习记录及其附件）加密后写到U盘上。请把U盘与这台电脑分开保管：电脑损坏或丢失时，可以在另一台电脑上用它恢复。</translation>
    </message>
    <message>
        <source>Last USB backup: {when}</source>
        <translation>上次备份到U盘：{when}</translation>
    </message>
    <message>
        <source>No USB backup has been made yet.</source>
        <translation>还没有备份到U盘过。</translation>
    </message>
    <message>
        <source>Insert the USB stick, or choose a folder</source>
        <translation>请插入U盘，或选择一个文件夹</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>文件夹(&amp;F)：</translation>
    </message>
    <message>
        <source>USB stick found: {path}</source>
        <translation>已找到U盘：{path}</translation>
    </message>
    <message>
        <source>No USB stick found: insert one, or choose the folder yourself.</source>
        <translation>没有找到U盘：请插入U盘，或自己选择文件夹。</translation>
    </message>
    <message>
        <source>At least {count} characters</source>
        <translation>至少 {count} 个字符</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>口令(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>再输一次(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Show the passphrase</source>
        <translation>显示口令(&amp;S)</translation>
    </message>
    <message>
        <source>Write the passphrase on paper and keep it apart from the stick. Without it nobody can open this backup, you included. The stick keeps this organisation&apos;s newest {keep} USB backups; older ones are removed.</source>
        <translation>请把口令抄在纸上，与U盘分开保管。没有口令，谁也打不开这个备份，包括您自己。U盘上保留本组织最近 {keep} 份备份，更早的会被删除。</translation>
    </message>
    <message>
        <source>You can now safely remove the USB stick.</source>
        <translation>现在可以安全拔下U盘。</translation>
    </message>
    <message>
        <source>Choose the folder on the USB stick</source>
        <translation>选择U盘上的文件夹</translation>
    </message>
    <message>
        <source>Choose the folder on the USB stick.</source>
        <translation>请选择U盘上的文件夹。</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一样。</translation>
    </message>
    <message>
        <source>Backing up to the USB stick</source>
        <translation>正在备份到U盘</translation>
    </message>
    <message>
        <source>Cancelled: nothing was left on the stick.</source>
        <translation>已取消，U盘上没有留下任何文件。</translation>
    </message>
    <message>
        <source>The backup was written and checked: {path}
{members} members, {files} attachments, {size}.</source>
        <translation>已写入并核对：{path}
{members} 名党员，{files} 个附件，{size}。</translation>
    </message>
    <message>
        <source>Keep the stick away from this computer. The next USB backup is due by {day}.</source>
        <translation>请把U盘放在别处保管（不要和电脑放在一起）。下次请在 {day} 前再备份一次。</translation>
    </message>
    <message>
        <source>{count} older USB backups of this organisation were removed from the stick.</source>
        <translation>已从U盘上删去本组织较早的 {count} 份备份。</translation>
    </message>
</context>
<context>
    <name>OpenFile</name>
    <message>
        <source>Cannot open</source>
        <translation>无法打开</translation>
    </message>
    <message>
        <source>This computer has no program set up to open it. It is here:
{where}</source>
        <translation>这台电脑上没有可以打开它的程序。文件位置：
{where}</translation>
    </message>
</context>
<context>
    <name>OwnRoll</name>
    <message>
        <source>Nobody is on this committee&apos;s own roll. A branch&apos;s meetings, study hours and talks are recorded by the branch and arrive with its packages.</source>
        <translation>本党委自己的花名册上没有党员。支部党员的会议、学时和谈心谈话由支部记录，随支部报送的数据包到达。</translation>
    </message>
</context>
<context>
    <name>PackageDialog</name>
    <message>
        <source>Refused at:</source>
        <translation>拒收时间：</translation>
    </message>
    <message>
        <source>Imported at:</source>
        <translation>导入时间：</translation>
    </message>
    <message>
        <source>Written at:</source>
        <translation>写出时间：</translation>
    </message>
    <message>
        <source>Other office:</source>
        <translation>对方单位：</translation>
    </message>
    <message>
        <source>received</source>
        <translation>收到</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>发出</translation>
    </message>
    <message>
        <source>Direction:</source>
        <translation>方向：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Number:</source>
        <translation>序号：</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Package written:</source>
        <translation>数据包生成时间：</translation>
    </message>
    <message>
        <source>By:</source>
        <translation>经办人：</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件名：</translation>
    </message>
    <message>
        <source>Records:</source>
        <translation>记录：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>说明：</translation>
    </message>
    <message>
        <source>new {new}, updated {updated}, unchanged {unchanged}, conflict {conflict}, refused {rejected}</source>
        <translation>新增 {new}，更新 {updated}，未变 {unchanged}，冲突 {conflict}，拒收 {rejected}</translation>
    </message>
    <message>
        <source>No. {seq}</source>
        <translation>第 {seq} 号</translation>
    </message>
    <message>
        <source>Package details</source>
        <translation>数据包详情</translation>
    </message>
    <message>
        <source>{count} record(s)</source>
        <translation>共 {count} 条记录</translation>
    </message>
    <message>
        <source>receipts only</source>
        <translation>只有回执</translation>
    </message>
</context>
<context>
    <name>PartyGroupDialog</name>
    <message>
        <source>{name} is in “{group}” already.</source>
        <translation>{name}已在“{group}”。</translation>
    </message>
    <message>
        <source>{name} is in no party group.</source>
        <translation>{name}不在任何党小组。</translation>
    </message>
    <message>
        <source>They are all in “{group}” already.</source>
        <translation>他们都已在“{group}”。</translation>
    </message>
    <message>
        <source>None of them is in a party group.</source>
        <translation>他们都不在任何党小组。</translation>
    </message>
    <message>
        <source>Left empty, the {count} members are taken out of their party group.</source>
        <translation>留空：这 {count} 名党员将移出党小组。</translation>
    </message>
    <message>
        <source>“{group}” is a new party group: the {count} members will be its first. Check the name is written as the branch writes it.</source>
        <translation>“{group}”是新的党小组，这 {count} 名党员将是它的第一批成员。请确认名称与本支部的写法一致。</translation>
    </message>
    <message>
        <source>{count} members move to “{group}”; the other {rest} are in it already.</source>
        <translation>{count} 名党员将编入“{group}”，其余 {rest} 名已在该小组。</translation>
    </message>
    <message>
        <source>Choose a group from the list, or type the name of a new one.</source>
        <translation>从列表中选择党小组，或输入新党小组的名称。</translation>
    </message>
    <message>
        <source>Put in group</source>
        <translation>编入</translation>
    </message>
    <message>
        <source>Take out of group</source>
        <translation>移出党小组</translation>
    </message>
    <message>
        <source>{group}: {count}</source>
        <translation>{group} {count} 人</translation>
    </message>
    <message>
        <source>in no group: {count}</source>
        <translation>未编入党小组 {count} 人</translation>
    </message>
    <message>
        <source>Now: {parts}.</source>
        <translation>现在：{parts}。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Party group</source>
        <translation>分配党小组</translation>
    </message>
    <message>
        <source>Which party group should {names} be in?</source>
        <translation>把{names}编入哪个党小组？</translation>
    </message>
    <message>
        <source>Which party group should the {count} selected members be in?</source>
        <translation>把选中的 {count} 名党员编入哪个党小组？</translation>
    </message>
    <message>
        <source>&amp;Party group:</source>
        <translation>党小组(&amp;P)：</translation>
    </message>
    <message>
        <source>Empty: in no group</source>
        <translation>留空表示不编入党小组</translation>
    </message>
    <message>
        <source>{count} of them are members of {branches}: the change is sent to the branch as the committee&apos;s correction in the next package.</source>
        <translation>其中 {count} 名是{branches}的党员：修改将作为本党委的更正，随下一个数据包发给该支部。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Pdf</name>
    <message>
        <source>Print {title}</source>
        <translation>打印{title}</translation>
    </message>
</context>
<context>
    <name>Recover</name>
    <message>
        <source>The database is damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <source>A copy of the damaged file was kept in:</source>
        <translation>损坏文件的副本已保存在：</translation>
    </message>
    <message>
        <source>The newest verified backup was made on {when}. Changes made after it are not in it.</source>
        <translation>最近一次经过校验的备份是 {when} 做的，此后所做的修改不在其中。</translation>
    </message>
    <message>
        <source>No verified backup was found on this computer. Restore from the USB backup (.pdbak) or another backup file.</source>
        <translation>本机没有找到经过校验的备份。请用U盘上的备份（.pdbak）或其他备份文件恢复。</translation>
    </message>
    <message>
        <source>If what was entered since matters more, salvage instead what the damaged file still holds: records on its damaged part are lost.</source>
        <translation>如果此后录入的内容更要紧，可以改为抢救损坏文件中还能读出的记录：损坏处的记录会丢失。</translation>
    </message>
    <message>
        <source>With no backup at all, salvage what the damaged file still holds: records on its damaged part are lost.</source>
        <translation>如果哪里都没有备份，可以抢救损坏文件中还能读出的记录：损坏处的记录会丢失。</translation>
    </message>
    <message>
        <source>To look at, print or export what can still be read before deciding, open the damaged file read-only: nothing in it is changed.</source>
        <translation>想先查看、打印或导出还能读出的内容再做决定，可以只读查看损坏的文件：不会改动其中任何内容。</translation>
    </message>
    <message>
        <source>Restore the newest backup</source>
        <translation>恢复最近的备份</translation>
    </message>
    <message>
        <source>Restore from a USB backup or another file…</source>
        <translation>从U盘备份或其他文件恢复…</translation>
    </message>
    <message>
        <source>Salvage what the damaged file still holds</source>
        <translation>抢救损坏文件中还能读出的记录</translation>
    </message>
    <message>
        <source>Reads every record that can still be read into a new file; records on the damaged part are lost. The damaged copy is kept.</source>
        <translation>把还能读出的记录都存进一个新文件；损坏处的记录会丢失。损坏文件的副本会保留。</translation>
    </message>
    <message>
        <source>Only look at the damaged file</source>
        <translation>只读查看损坏的文件</translation>
    </message>
    <message>
        <source>Opens the damaged file read-only: what can still be read can be looked at, printed and exported, nothing can be changed. A backup can still be restored from the File menu, or the program closed and opened again to salvage.</source>
        <translation>以只读方式打开损坏的文件：能读出的内容可以查看、打印和导出，但不能做任何修改。之后仍可用“文件”菜单恢复备份，或关闭程序后重新打开，选择抢救。</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation>选择备份文件</translation>
    </message>
    <message>
        <source>Backups (*{usb} *.db);;All files (*)</source>
        <translation>备份文件 (*{usb} *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>That passphrase does not open the backup. Try again:</source>
        <translation>口令不对，打不开这份备份。请再输入一次：</translation>
    </message>
    <message>
        <source>Passphrase of the USB backup “{name}”:</source>
        <translation>U盘备份“{name}”的口令：</translation>
    </message>
    <message>
        <source>USB backup</source>
        <translation>U盘备份</translation>
    </message>
    <message>
        <source>Another organisation&apos;s backup</source>
        <translation>其他组织的备份</translation>
    </message>
    <message>
        <source>Salvaging records…</source>
        <translation>正在抢救记录…</translation>
    </message>
    <message>
        <source>Salvage failed</source>
        <translation>抢救失败</translation>
    </message>
    <message>
        <source>The records that could still be read were salvaged into a new file, which is now in use.</source>
        <translation>还能读出的记录已抢救到一个新文件中，现在使用的就是它。</translation>
    </message>
    <message>
        <source>To use the backup of {when} instead, choose File → Restore from a backup.</source>
        <translation>如果想改用 {when} 的备份，请选择“文件 → 从备份恢复”。</translation>
    </message>
    <message>
        <source>Salvaged</source>
        <translation>抢救完成</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>恢复失败</translation>
    </message>
    <message>
        <source>the backup made on {when}</source>
        <translation>{when} 的备份</translation>
    </message>
    <message>
        <source>The records were restored from {what}. Whatever was entered after that backup is not in it: check the latest meetings and members and enter them again. A copy of the damaged file was kept in:</source>
        <translation>已从{what}恢复数据。该备份之后录入的内容不在其中：请核对最近的会议和党员信息，并重新录入。损坏文件的副本已保存在：</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>已恢复</translation>
    </message>
</context>
<context>
    <name>Replay</name>
    <message>
        <source>Import packages again</source>
        <translation>重新导入数据包</translation>
    </message>
    <message>
        <source>The records in use lack {count} packages imported on this computer after the backup they came from; copies of them were kept.</source>
        <translation>现在的记录中缺少 {count} 个数据包：它们是在所恢复的备份之后导入本机的，本机留有副本。</translation>
    </message>
    <message>
        <source>Without them, what they brought (the records other offices sent) is not here, and the other offices will not send it again. Import them again now?</source>
        <translation>不重新导入，这些数据包带来的记录（其他单位报送或下发的内容）就不在本机上，对方也不会再发一次。现在重新导入吗？</translation>
    </message>
    <message>
        <source>Import again…</source>
        <translation>重新导入…</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>以后再说</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Before upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>On exit</source>
        <translation>退出时</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>定时</translation>
    </message>
    <message>
        <source>Before import</source>
        <translation>导入前</translation>
    </message>
    <message>
        <source>With a USB backup</source>
        <translation>备份到U盘时</translation>
    </message>
    <message>
        <source>Before restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>After restoring from elsewhere</source>
        <translation>从别处恢复后</translation>
    </message>
    <message>
        <source>Salvaged from a damaged file</source>
        <translation>抢救自损坏的文件</translation>
    </message>
    <message>
        <source>Reading the backups…</source>
        <translation>正在读取备份…</translation>
    </message>
    <message>
        <source>Damaged: cannot be restored</source>
        <translation>已损坏，不能恢复</translation>
    </message>
    <message>
        <source>{count} backups, newest first.</source>
        <translation>共 {count} 个备份，最新的在最上面。</translation>
    </message>
    <message>
        <source>There is no verified backup of this database yet.</source>
        <translation>这个数据库还没有通过校验的备份。</translation>
    </message>
    <message>
        <source>Go back to the backup made on {when} ({count} members)?</source>
        <translation>恢复到 {when} 的备份（{count} 名党员）吗？</translation>
    </message>
    <message>
        <source>Everything entered after that time is replaced. The database as it is now is saved as a backup first.</source>
        <translation>此备份之后录入或修改的内容都将丢失（数据库回到备份时的样子）。恢复前，当前的数据库会先另存为一个备份，需要时还能找回。</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <source>This backup belongs to another organisation: {name}.</source>
        <translation>这个备份属于另一个组织：{name}。</translation>
    </message>
    <message>
        <source>After the restore this computer holds that organisation&apos;s data instead of the current one&apos;s. Restore it anyway?</source>
        <translation>恢复后，本机将变成那个组织的数据，当前组织的数据不再显示（已先另存为备份）。仍要恢复吗？</translation>
    </message>
    <message>
        <source>Restoring</source>
        <translation>正在恢复</translation>
    </message>
    <message>
        <source>Restore the selected backup…</source>
        <translation>恢复所选备份…</translation>
    </message>
    <message>
        <source>From a USB stick or file…</source>
        <translation>从U盘或其他文件恢复…</translation>
    </message>
    <message>
        <source>Choose the backup to go back to. The database as it is now is saved as a backup first, so a restore can be undone.</source>
        <translation>请选择要恢复到的备份。恢复前，当前的数据库会先另存为备份，所以恢复之后还可以再恢复回来。</translation>
    </message>
    <message>
        <source>Made on</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>党员人数</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>Open the backup folder</source>
        <translation>打开备份文件夹</translation>
    </message>
</context>
<context>
    <name>RevokeDialog</name>
    <message>
        <source>Revoke an office&apos;s key</source>
        <translation>吊销单位密钥</translation>
    </message>
    <message>
        <source>Revoke the key of {name} (code {code})?</source>
        <translation>吊销“{name}”（组织代码 {code}）的密钥？</translation>
    </message>
    <message>
        <source>Do this when the office&apos;s computer or key was stolen or lost. From now on every package signed with this key is refused, and nothing more can be sent to the office. The office must change its key and give you its new key card; register it after comparing the fingerprint by phone. Other branches are not affected.</source>
        <translation>在对方电脑或密钥被盗、丢失时使用。此后凡用该密钥签名的数据包一律拒收，也不能再给该单位发送数据包。对方须更换密钥并交来新的密钥卡，电话核对指纹后再登记。其他支部不受影响。</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Required, e.g. the computer was stolen</source>
        <translation>必填，例如：电脑被盗</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>吊销</translation>
    </message>
</context>
<context>
    <name>RosterBranches</name>
    <message>
        <source> ({count} of them a person counted again on another branch&apos;s roll)</source>
        <translation>（其中 {count} 人次是同一人在另一支部重复计入）</translation>
    </message>
    <message>
        <source>{total} members on the roll{again} in {branches} branches, {shown} shown</source>
        <translation>在册 {total} 人{again}，共 {branches} 个支部，显示 {shown} 人</translation>
    </message>
    <message>
        <source>{branch}: {count} members on the roll, {shown} shown</source>
        <translation>{branch}：在册 {count} 人，显示 {shown} 人</translation>
    </message>
    <message>
        <source>Duplicates:</source>
        <translation>重复人员：</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>On two branches&apos; rolls</source>
        <translation>在两个支部名册中</translation>
    </message>
    <message>
        <source>People whose ID number is on the roll of another branch too (in the middle of a transfer, or entered twice)</source>
        <translation>公民身份号码同时出现在另一支部名册中的人员（组织关系转接中，或重复录入）</translation>
    </message>
</context>
<context>
    <name>RosterChanges</name>
    <message>
        <source>Members on record the file changes ({count}): check nothing goes back to an older value</source>
        <translation>表中将更新的党员（{count} 人）：请核对，不要把较新的记录改回旧值</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>信息项</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>现有记录</translation>
    </message>
    <message>
        <source>In the file</source>
        <translation>表中的值</translation>
    </message>
</context>
<context>
    <name>RosterExport</name>
    <message>
        <source>Export roster</source>
        <translation>导出花名册</translation>
    </message>
    <message>
        <source>How should ID numbers and phone numbers appear in the exported file?</source>
        <translation>导出的文件中，公民身份号码和联系电话如何显示？</translation>
    </message>
    <message>
        <source>The print version is for printing and handing on: hidden numbers are safe there. Export full numbers only when the higher level asks for them: they are personal data.</source>
        <translation>报送版用于打印和报送，隐去号码更安全。只有上级明确要求时才导出完整号码：完整号码属于个人信息。</translation>
    </message>
    <message>
        <source>The full version can be imported again to update members, which needs the full numbers; with hidden numbers the file is for reading and handing on only. Full numbers make it personal data.</source>
        <translation>完整版可以再次导入、更新党员信息，这需要完整号码；隐去号码的文件只能查看和转交，不能用来导入。含完整号码的文件属于个人信息。</translation>
    </message>
    <message>
        <source>Hide ID and phone numbers (recommended)</source>
        <translation>隐去证件号码和电话（推荐）</translation>
    </message>
    <message>
        <source>Hide ID and phone numbers</source>
        <translation>隐去证件号码和电话</translation>
    </message>
    <message>
        <source>Full numbers</source>
        <translation>完整号码</translation>
    </message>
    <message>
        <source>Full numbers (to import again)</source>
        <translation>完整号码（可再次导入）</translation>
    </message>
    <message>
        <source>Export full numbers?</source>
        <translation>导出完整号码？</translation>
    </message>
    <message>
        <source>The file will hold every member&apos;s full ID number and phone number.</source>
        <translation>文件将包含每位党员完整的公民身份号码和联系电话。</translation>
    </message>
    <message>
        <source>This is personal data. Keep the file safe, do not send it through chat apps or leave it on a shared computer or USB stick, and delete it when you no longer need it.</source>
        <translation>这是个人信息。请妥善保管文件，不要通过聊天软件发送，也不要留在公用电脑或 U 盘上，用完后及时删除。</translation>
    </message>
    <message>
        <source>Export full numbers</source>
        <translation>导出完整号码</translation>
    </message>
    <message>
        <source>The roster list shows {shown} of the {total} members (a filter or search is on). Which members should be exported?</source>
        <translation>花名册列表按筛选或搜索条件只显示了 {total} 名党员中的 {shown} 名。要导出哪些党员？</translation>
    </message>
    <message>
        <source>The {shown} in the list</source>
        <translation>列表中的 {shown} 名</translation>
    </message>
    <message>
        <source>All {total}</source>
        <translation>全部 {total} 名</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting the roster</source>
        <translation>正在导出花名册</translation>
    </message>
    <message>
        <source>Export cancelled. No file was written.</source>
        <translation>导出已取消，没有写入任何文件。</translation>
    </message>
    <message>
        <source>Exported {count} members to:</source>
        <translation>已导出 {count} 名党员到：</translation>
    </message>
    <message>
        <source>Roster exported</source>
        <translation>花名册已导出</translation>
    </message>
    <message>
        <source>The chosen columns do not fit across one A4 landscape sheet at a readable size: each page of rows prints over several sheets side by side, with 序号 and 姓名 on each. To print on one sheet wide, export again with fewer columns.</source>
        <translation>所选的列在一张A4横向纸上按可读的字号排不下：每页的行会分几张纸左右并排打印，每张都印序号和姓名。要印在一张纸宽内，请少选几列重新导出。</translation>
    </message>
    <message>
        <source>The file holds full ID and phone numbers: keep it safe and delete it when it is no longer needed.</source>
        <translation>文件含有完整的证件号码和电话：请妥善保管，不再需要时及时删除。</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <source>Roster exported to {path}</source>
        <translation>花名册已导出到 {path}</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>ID type</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>公民身份号码</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>学历</translation>
    </message>
    <message>
        <source>Degree</source>
        <translation>学位</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <source>Joined the Party</source>
        <translation>入党日期</translation>
    </message>
    <message>
        <source>Full member since</source>
        <translation>转正日期</translation>
    </message>
    <message>
        <source>Party standing</source>
        <translation>党龄</translation>
    </message>
    <message>
        <source>Party group</source>
        <translation>党小组</translation>
    </message>
    <message>
        <source>Party post</source>
        <translation>党内职务</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>工作岗位</translation>
    </message>
    <message>
        <source>Workplace</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <source>Started work</source>
        <translation>参加工作日期</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Home address</source>
        <translation>家庭住址</translation>
    </message>
    <message>
        <source>Native place</source>
        <translation>籍贯</translation>
    </message>
    <message>
        <source>Membership status</source>
        <translation>党籍状态</translation>
    </message>
    <message>
        <source>Lost contact</source>
        <translation>失联</translation>
    </message>
    <message>
        <source>Lost contact since</source>
        <translation>失联日期</translation>
    </message>
    <message>
        <source>Cause of lost contact</source>
        <translation>失联原因</translation>
    </message>
    <message>
        <source>Migrant</source>
        <translation>流动</translation>
    </message>
    <message>
        <source>Gone to</source>
        <translation>外出流向</translation>
    </message>
    <message>
        <source>Away since</source>
        <translation>外出日期</translation>
    </message>
    <message>
        <source>Roll status</source>
        <translation>在册情况</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>所在支部</translation>
    </message>
    <message>
        <source>On the roll</source>
        <translation>在册</translation>
    </message>
    <message>
        <source>Left the roll</source>
        <translation>已减员</translation>
    </message>
    <message>
        <source>(duplicate) </source>
        <translation>【重复】</translation>
    </message>
    <message>
        <source>The same ID number is also on the roll of: {branches}</source>
        <translation>公民身份号码相同的人员也在以下支部名册中：{branches}</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>RulesModel</name>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Current value</source>
        <translation>当前值</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认值</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Choose: {choices}</source>
        <translation>可选：{choices}</translation>
    </message>
    <message>
        <source>Allowed: {minimum} to {maximum} {unit}</source>
        <translation>允许范围：{minimum}–{maximum} {unit}</translation>
    </message>
</context>
<context>
    <name>SaveFile</name>
    <message>
        <source>The file could not be saved to {path}. Check that the folder exists, that the file is not open in another program, and that the disk is not full.</source>
        <translation>无法保存文件到 {path}。请检查文件夹是否存在、文件是否在其他程序中打开、磁盘是否已满。</translation>
    </message>
</context>
<context>
    <name>SavedBox</name>
    <message>
        <source>Open folder</source>
        <translation>打开所在文件夹</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Not saved: please correct the marked field.</source>
        <translation>未保存：请按红字提示修改后再保存。</translation>
    </message>
    <message>
        <source>Left empty: {day} ({years} years from the start)</source>
        <translation>不填则按 {day} 计（任期 {years} 年）</translation>
    </message>
    <message>
        <source>Saved: {rule} {value} (“Restore default” puts it back).</source>
        <translation>已保存：{rule} {value}（按“恢复本行默认值”可改回）。</translation>
    </message>
    <message>
        <source>Restore the default of every rule that differs from it ({count} in all)?</source>
        <translation>将所有与默认值不同的规则（共 {count} 条）恢复为默认值？</translation>
    </message>
    <message>
        <source>Restore all defaults</source>
        <translation>全部恢复默认</translation>
    </message>
    <message>
        <source>A Party committee: imports the sync files of its branches.</source>
        <translation>上级党委：导入各党支部报送的数据包。</translation>
    </message>
    <message>
        <source>A Party branch: sends sync files up to its committee.</source>
        <translation>党支部：向上级党委报送数据包。</translation>
    </message>
    <message>
        <source>Chosen at first-run set-up; it cannot be changed here.</source>
        <translation>在初始设置时选定，此处不能修改。</translation>
    </message>
    <message>
        <source>Restore this row&apos;s default</source>
        <translation>恢复本行默认值</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>界面语言：</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>组织信息</translation>
    </message>
    <message>
        <source>This computer is used by:</source>
        <translation>本机使用单位：</translation>
    </message>
    <message>
        <source>Organisation name:</source>
        <translation>党组织名称：</translation>
    </message>
    <message>
        <source>Organisation code:</source>
        <translation>组织代码：</translation>
    </message>
    <message>
        <source>Organisation type:</source>
        <translation>组织类别：</translation>
    </message>
    <message>
        <source>Secretary:</source>
        <translation>书记：</translation>
    </message>
    <message>
        <source>Contact person:</source>
        <translation>联系人：</translation>
    </message>
    <message>
        <source>Contact phone:</source>
        <translation>联系电话：</translation>
    </message>
    <message>
        <source>Term start:</source>
        <translation>任期开始：</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>填写</translation>
    </message>
    <message>
        <source>Term end:</source>
        <translation>任期届满：</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Work rules</source>
        <translation>工作规则</translation>
    </message>
    <message>
        <source>These numbers decide when the program reminds you that something is due. Each row shows the default beside your value and where it comes from (local practice is marked as such); rows in bold differ from the default. Double-click a current value to change it.</source>
        <translation>这些数字决定程序何时提醒您某项工作到期。每行都列出默认值及其依据供对照（“各地做法”不是全国统一规定），加粗的行与默认值不同。双击“当前值”即可修改。</translation>
    </message>
</context>
<context>
    <name>StudyEditDialog</name>
    <message>
        <source>Correct a study record</source>
        <translation>修改学习记录</translation>
    </message>
    <message>
        <source>Correct this study record: its participants are ticked as recorded. Saving changes each one&apos;s hours in the ledger.</source>
        <translation>修改这次学习活动：参加的党员已按原记录勾选。保存后，各人在学时台账中的学时随之更改。</translation>
    </message>
    <message>
        <source>{group}; out of contact on these dates</source>
        <translation>{group}；这段日期内已失去联系</translation>
    </message>
    <message>
        <source>The roster has no members yet: add or import them on the Members page first.</source>
        <translation>花名册中还没有党员：请先在“党员”页导入或添加党员。</translation>
    </message>
    <message>
        <source>Out of contact, not ticked: {names}</source>
        <translation>失联党员未勾选：{names}</translation>
    </message>
    <message>
        <source>{count} out of contact, not ticked</source>
        <translation>{count} 名失联党员未勾选</translation>
    </message>
    <message>
        <source>No member was on the roll on these dates.</source>
        <translation>这段日期内没有在册党员。</translation>
    </message>
    <message>
        <source>This study record was being written and not saved (kept automatically at {when}). Restore what was typed?</source>
        <translation>这份学习记录上次填写后没有保存（程序于 {when} 自动留存了草稿），可能因断电或程序意外关闭。要恢复当时填写的内容吗？</translation>
    </message>
    <message>
        <source>{chosen} of {total} ticked</source>
        <translation>已选 {chosen} / {total} 人</translation>
    </message>
    <message>
        <source>= {hours} study hours</source>
        <translation>= {hours} 学时</translation>
    </message>
    <message>
        <source> (longer than the {days} day(s) the dates give: please check)</source>
        <translation>（超过所填日期的 {days} 天，请核对）</translation>
    </message>
    <message>
        <source>Restore an unsaved study record?</source>
        <translation>恢复未保存的学习记录？</translation>
    </message>
    <message>
        <source>A study record was being written and not saved (kept automatically at {when}). Open it now to finish it?</source>
        <translation>有一份学习记录填写到一半还没有保存（已于 {when} 自动保留）。现在打开接着填完吗？</translation>
    </message>
    <message>
        <source>Record a collective study</source>
        <translation>记录集体学习</translation>
    </message>
    <message>
        <source>Record one study session and tick the members who took part; each is credited its hours in the year&apos;s ledger.</source>
        <translation>记录一次学习活动，勾选参加的党员；每人按学时计入当年的学时台账。</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>学习形式</translation>
    </message>
    <message>
        <source>Topic *</source>
        <translation>学习内容 *</translation>
    </message>
    <message>
        <source>Date *</source>
        <translation>日期 *</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Organiser or lecturer</source>
        <translation>组织单位或主讲人</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>学习资料</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参加党员</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>Select none</source>
        <translation>全不选</translation>
    </message>
</context>
<context>
    <name>StudyOwnDialog</name>
    <message>
        <source>Choose the proof</source>
        <translation>选择证明材料</translation>
    </message>
    <message>
        <source>Documents and pictures (*.pdf *.jpg *.jpeg *.png *.docx *.doc);;All files (*)</source>
        <translation>文档和图片 (*.pdf *.jpg *.jpeg *.png *.docx *.doc);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose the member whose study this is: type the name or its pinyin initials and pick it from the list.</source>
        <translation>请选择这次学习是哪名党员的：输入姓名或拼音首字母，再从列表中选中。</translation>
    </message>
    <message>
        <source>{hours} study hours in one entry is more than a whole year&apos;s requirement ({most} hours). Was a digit typed too many? Record it only if the certificate says so.</source>
        <translation>一次记 {hours} 学时，比全年应完成的 {most} 学时还多。是不是多输了一位数？只有结业证书上确实写的是这个学时，才记录。</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Name or pinyin initials, or pick from the list</source>
        <translation>输入姓名或拼音首字母，或从列表中选</translation>
    </message>
    <message>
        <source>Record a member&apos;s own study</source>
        <translation>记录个人学习</translation>
    </message>
    <message>
        <source>A course or training a member took on their own (online course, external training, self-study). A certificate or other proof can be attached but is not required.</source>
        <translation>党员自己参加的课程或培训（网络培训、外出培训、自学）。可以附上结业证书等证明材料，但不是必须的。</translation>
    </message>
    <message>
        <source>Member *</source>
        <translation>党员 *</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>学习形式</translation>
    </message>
    <message>
        <source>Course or topic *</source>
        <translation>课程或学习内容 *</translation>
    </message>
    <message>
        <source>Date *</source>
        <translation>日期 *</translation>
    </message>
    <message>
        <source>Held by</source>
        <translation>举办单位</translation>
    </message>
    <message>
        <source>Study hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> 学时</translation>
    </message>
    <message>
        <source>Certificate or proof</source>
        <translation>证明材料</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
</context>
<context>
    <name>StudyPage</name>
    <message>
        <source>Record a collective study</source>
        <translation>记录集体学习</translation>
    </message>
    <message>
        <source>The study records could not be read.</source>
        <translation>学习记录未能读出。</translation>
    </message>
    <message>
        <source>Members owe {member} hours a year and committee members {leader} (rule table); members who joined or left during the year owe them pro rata to their days on the roll. &quot;Due by today&quot; is the share of the year so far. This list is a record for the branch, not a ranking.</source>
        <translation>党员每年应完成 {member} 学时，支部书记和委员 {leader} 学时（见设置中的规则表）；年中入党、转入或转出的党员按在册天数折算。“截至今日应完成”是按已过天数折算的部分。本表是支部的工作记录，不作排名。</translation>
    </message>
    <message>
        <source>{year}: {activities} activities; {done} of {members} members have completed the year&apos;s hours ({hours} hours credited in all).</source>
        <translation>{year}年：学习活动 {activities} 项；{members} 名党员中 {done} 人已完成年度学时（共计 {hours} 学时）。</translation>
    </message>
    <message>
        <source> The members include {count} entries of a person counted again on another branch&apos;s roll.</source>
        <translation>其中 {count} 人次是同一人在另一支部重复计入。</translation>
    </message>
    <message>
        <source>a member&apos;s own course</source>
        <translation>党员个人学习记录</translation>
    </message>
    <message>
        <source>a meeting counted as study</source>
        <translation>由会议计入的学时</translation>
    </message>
    <message>
        <source>Study records</source>
        <translation>学习记录</translation>
    </message>
    <message>
        <source>This record is {what}: it cannot be changed here. If it is wrong, delete it and record it again.</source>
        <translation>这条记录是{what}，不能在这里修改。如有错误，请删除后重新记录。</translation>
    </message>
    <message>
        <source>This material is {office}&apos;s: only the committee&apos;s own materials are sent down.</source>
        <translation>这份资料是“{office}”的，只有党委自己的资料才能下发。</translation>
    </message>
    <message>
        <source>This material came from above and cannot be sent on.</source>
        <translation>这份资料是上级下发的，不能再转发。</translation>
    </message>
    <message>
        <source>No branch is registered yet: register a branch&apos;s key card on the exchange page first.</source>
        <translation>还没有登记任何下级支部：请先在“数据交换”页登记支部的密钥卡。</translation>
    </message>
    <message>
        <source>Study hours {year}.xlsx</source>
        <translation>{year}年学习培训学时.xlsx</translation>
    </message>
    <message>
        <source>Export the study report</source>
        <translation>导出学习培训报表</translation>
    </message>
    <message>
        <source>Open the proof</source>
        <translation>打开证明材料</translation>
    </message>
    <message>
        <source>The earlier hours of {year} were entered already: they are opened to be corrected.</source>
        <translation>{year}年此前的学时已经补录过，已打开供更正。</translation>
    </message>
    <message>
        <source>This office</source>
        <translation>本单位</translation>
    </message>
    <message>
        <source>Not sent yet (Send down…)</source>
        <translation>未下发（点“下发…”）</translation>
    </message>
    <message>
        <source>All {count} branches</source>
        <translation>全部 {count} 个支部</translation>
    </message>
    <message>
        <source>Delete a certification</source>
        <translation>删除证书</translation>
    </message>
    <message>
        <source>Delete {name}&apos;s “{cert}”? A renewed certificate is better recorded with its new dates: this one then drops out of the reminders by itself.</source>
        <translation>删除{name}的“{cert}”吗？证书换发的，建议登记新证书（填新的有效期），旧证书的到期提醒会自动消失。删除后不能恢复。</translation>
    </message>
    <message>
        <source>“{title}” is {office}&apos;s: only the office that added it can delete it.</source>
        <translation>“{title}”不是本单位的资料（来源：{office}），只有添加它的单位才能删除。</translation>
    </message>
    <message>
        <source>Delete “{title}” from the library?</source>
        <translation>从资料库中删除“{title}”吗？</translation>
    </message>
    <message>
        <source>It was sent down to {branches}: it goes from there too, with the next package to each.</source>
        <translation>它已下发至{branches}：下一次发给这些支部的数据包会把它从那里一并删除。</translation>
    </message>
    <message>
        <source>Delete study material</source>
        <translation>删除学习资料</translation>
    </message>
    <message>
        <source>Study record saved.</source>
        <translation>学习记录已保存。</translation>
    </message>
    <message>
        <source>Saved in {year}.</source>
        <translation>已保存到 {year} 年的记录中。</translation>
    </message>
    <message>
        <source>Cannot open the file</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Study report written to {path}: every member&apos;s hours for the year, not only those the search and filters show</source>
        <translation>学习培训报表已写入 {path}：其中是全年全部党员的学时，不只是当前搜索和筛选显示的党员</translation>
    </message>
    <message>
        <source>Study report written to {path}</source>
        <translation>学习培训报表已写入 {path}</translation>
    </message>
    <message>
        <source>Study report</source>
        <translation>学习培训学时报表</translation>
    </message>
    <message>
        <source>The study report of {year} is saved:</source>
        <translation>{year}年学习培训学时报表已保存：</translation>
    </message>
    <message>
        <source>Delete study records</source>
        <translation>删除学习记录</translation>
    </message>
    <message>
        <source>Delete {count} record(s) ({names})? The hours they credited are taken off the ledger.</source>
        <translation>删除这 {count} 条记录（{names}）吗？所计的学时将从台账中扣除，删除后不能恢复。</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Record collective study</source>
        <translation>记录集体学习</translation>
    </message>
    <message>
        <source>Record a collective study (Ctrl+N)</source>
        <translation>记录一次集体学习（Ctrl+N）</translation>
    </message>
    <message>
        <source>From meetings…</source>
        <translation>从会议导入…</translation>
    </message>
    <message>
        <source>Count a party lecture, theme party day or party-group study recorded on the Meetings page</source>
        <translation>把“会议”页已记录的党课、主题党日或党小组学习计入学时</translation>
    </message>
    <message>
        <source>Open the selected study record to correct it (Enter or double-click)</source>
        <translation>打开选中的学习记录进行修改（回车或双击）</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete a study record made by mistake (Del)</source>
        <translation>删除误记的学习记录（Del）</translation>
    </message>
    <message>
        <source>Record own study</source>
        <translation>记录个人学习</translation>
    </message>
    <message>
        <source>A member&apos;s online course, external training or self-study</source>
        <translation>党员个人的网络培训、外出培训或自学</translation>
    </message>
    <message>
        <source>Add certification</source>
        <translation>登记证书</translation>
    </message>
    <message>
        <source>Add a member&apos;s certification (Ctrl+N)</source>
        <translation>添加党员的资格证书（Ctrl+N）</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>导出报表…</translation>
    </message>
    <message>
        <source>Enter earlier hours…</source>
        <translation>补录此前学时…</translation>
    </message>
    <message>
        <source>The hours members had this year before the program was used, typed from the old ledger in one table</source>
        <translation>把启用本程序之前党员本年度已有的学时，照原台账在一张表里一次录入</translation>
    </message>
    <message>
        <source>Add material</source>
        <translation>添加资料</translation>
    </message>
    <message>
        <source>Add a document or link to the library (Ctrl+N)</source>
        <translation>向资料库添加文件或链接（Ctrl+N）</translation>
    </message>
    <message>
        <source>Search title, tags or file name</source>
        <translation>搜索标题、标签或文件名</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>This study record no longer exists (deleted since?): what was typed is in the dialog for a new record, to save or to discard.</source>
        <translation>这条学习记录已不存在（可能已被删除）：填写到一半的内容已放进新增学习记录的窗口，可以另存为一条新记录，也可以丢弃。</translation>
    </message>
    <message>
        <source>The year&apos;s training summary, the ledger of every member (whatever the search and filters show) and each member&apos;s hours sheet, as an Excel workbook</source>
        <translation>全年培训情况、全部党员的学时台账（不受当前搜索和筛选影响）和每名党员的学时表，导出为 Excel 工作簿</translation>
    </message>
    <message>
        <source>Send down…</source>
        <translation>下发…</translation>
    </message>
    <message>
        <source>No study recorded for this year yet.</source>
        <translation>本年度还没有学习记录。</translation>
    </message>
    <message>
        <source>Search topic, organiser or materials</source>
        <translation>搜索学习内容、组织单位或资料</translation>
    </message>
    <message>
        <source>Search name or party group</source>
        <translation>搜索姓名或党小组</translation>
    </message>
    <message>
        <source>Search name, certification or issuer</source>
        <translation>搜索姓名、证书或发证机关</translation>
    </message>
    <message>
        <source>No members on the roll in this year.</source>
        <translation>本年度没有在册党员。</translation>
    </message>
    <message>
        <source>No certifications recorded yet.</source>
        <translation>还没有登记技能证书。</translation>
    </message>
    <message>
        <source>The materials library is empty.</source>
        <translation>学习资料库还是空的。</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>学习活动</translation>
    </message>
    <message>
        <source>Hours ledger</source>
        <translation>学时台账</translation>
    </message>
    <message>
        <source>Certifications</source>
        <translation>技能证书</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>学习资料</translation>
    </message>
    <message>
        <source>Meeting record</source>
        <translation>会议记录</translation>
    </message>
    <message>
        <source>Own course</source>
        <translation>个人学习</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>录入</translation>
    </message>
    <message>
        <source>Earlier hours</source>
        <translation>补录</translation>
    </message>
    <message>
        <source>Across the new year, the hours count in each year by its days: {parts}.</source>
        <translation>跨年度的学习按各年的天数分摊学时：{parts}。</translation>
    </message>
    <message>
        <source>{year}: {hours}</source>
        <translation>{year}年计 {hours} 学时</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Entered from the old ledger.</source>
        <translation>按原台账补录。</translation>
    </message>
    <message>
        <source>Each member has their own number from the old ledger; this is the largest. {total} hours in all.</source>
        <translation>每人按原台账补录的学时各不相同，这里是其中最多的；合计 {total} 学时。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>学习形式</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>学习内容</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>组织单位</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Sent down</source>
        <translation>上级下发</translation>
    </message>
    <message>
        <source>Sent down to</source>
        <translation>下发至</translation>
    </message>
    <message>
        <source>All forms</source>
        <translation>全部形式</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Behind schedule</source>
        <translation>进度偏慢</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>On schedule</source>
        <translation>进度正常</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Party group</source>
        <translation>党小组</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>学时标准</translation>
    </message>
    <message>
        <source>Committee</source>
        <translation>支部委员</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>党员</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>应完成</translation>
    </message>
    <message>
        <source>Due by today</source>
        <translation>截至今日应完成</translation>
    </message>
    <message>
        <source>Credited</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Standing</source>
        <translation>完成情况</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全部党员</translation>
    </message>
    <message>
        <source>Not yet complete</source>
        <translation>尚未完成</translation>
    </message>
    <message>
        <source>No expiry</source>
        <translation>长期有效</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Expiring soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Certification or qualification</source>
        <translation>证书或资格</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>发证机关</translation>
    </message>
    <message>
        <source>Obtained</source>
        <translation>取得日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>File or link</source>
        <translation>文件或链接</translation>
    </message>
    <message>
        <source>{name}: {count}</source>
        <translation>{name} {count} 人</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Valid certifications held in the branch (members): </source>
        <translation>本支部持有的有效证书（人数）：</translation>
    </message>
    <message>
        <source>No valid holder any more: </source>
        <translation>已无人持有有效证书：</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>支部</translation>
    </message>
</context>
<context>
    <name>TalkEditDialog</name>
    <message>
        <source>This talk record was being written and not saved (kept automatically at {when}). Restore what was typed?</source>
        <translation>这份谈话记录上次填写后没有保存（程序于 {when} 自动留存了草稿），可能因断电或程序意外关闭。要恢复当时填写的内容吗？</translation>
    </message>
    <message>
        <source>Who was chosen is not on this office&apos;s own roll: a branch records the talks with its members, and they arrive with its packages.</source>
        <translation>所选党员不在本单位自己的花名册上：支部党员的谈心谈话由该支部记录，随支部报送的数据包到达。</translation>
    </message>
    <message>
        <source>Ticked: {names}</source>
        <translation>已选：{names}</translation>
    </message>
    <message>
        <source>No one ticked yet</source>
        <translation>尚未选择谈话对象</translation>
    </message>
    <message>
        <source>An individual talk is with one member; for several at once choose “group talk”.</source>
        <translation>个别谈心是一对一的谈话；几人一起谈，请选“集⁠体⁠谈⁠心”。</translation>
    </message>
    <message>
        <source>New talk</source>
        <translation>新建谈心谈话</translation>
    </message>
    <message>
        <source>Edit talk</source>
        <translation>编辑谈心谈话</translation>
    </message>
    <message>
        <source>Search by name or pinyin, e.g. zs</source>
        <translation>按姓名或拼音查找，如 zs</translation>
    </message>
    <message>
        <source>A member, or the name of a leader</source>
        <translation>本支部党员，或上级领导的姓名</translation>
    </message>
    <message>
        <source>Required, e.g. work and family situation</source>
        <translation>必填，如：了解工作和家庭情况</translation>
    </message>
    <message>
        <source>What was promised or needs checking (optional)</source>
        <translation>谈话中答应办理或需要回访的事项（可不填）</translation>
    </message>
    <message>
        <source>{branch} keeps this talk&apos;s record. What you change here is saved as a correction and goes back to the branch with the next package.</source>
        <translation>这条谈话记录由{branch}管理。在这里所做的修改保存为更正，随下一个数据包发回该支部。</translation>
    </message>
    <message>
        <source>Blank: {days} days after</source>
        <translation>不填：谈话后{days}天</translation>
    </message>
    <message>
        <source>Left blank, the follow-up is due {days} days after the talk and comes up on the workbench then.</source>
        <translation>不填跟进日期时，按谈话后 {days} 天计，到期后在工作台提醒。</translation>
    </message>
    <message>
        <source>Restore an unsaved talk record?</source>
        <translation>恢复未保存的谈话记录？</translation>
    </message>
    <message>
        <source>A talk record was being written and not saved (kept automatically at {when}). Open it now to finish it?</source>
        <translation>有一份谈话记录填写到一半还没有保存（已于 {when} 自动保留）。现在打开接着填完吗？</translation>
    </message>
    <message>
        <source>Heart-to-heart talk</source>
        <translation>谈心谈话</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>谈话日期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Form:</source>
        <translation>谈话形式(&amp;F)：</translation>
    </message>
    <message>
        <source>Talked &amp;by:</source>
        <translation>谈话人(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Topic:</source>
        <translation>谈话主题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Content:</source>
        <translation>谈话内容(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Follow-up:</source>
        <translation>跟进事项(&amp;U)：</translation>
    </message>
    <message>
        <source>Follow up &amp;by:</source>
        <translation>跟进日期(&amp;Y)：</translation>
    </message>
    <message>
        <source>D&amp;one</source>
        <translation>已完成(&amp;O)</translation>
    </message>
    <message>
        <source>Talked &amp;with (tick one or more):</source>
        <translation>谈话对象(&amp;W)（可选多人）：</translation>
    </message>
</context>
<context>
    <name>TalksDueView</name>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Not yet due</source>
        <translation>未到期</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Party group</source>
        <translation>党小组</translation>
    </message>
    <message>
        <source>Last talk</source>
        <translation>上次谈话</translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>尚无记录</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>应谈日期</translation>
    </message>
    <message>
        <source>At least once every {months} months (rule table)</source>
        <translation>每名党员至少每 {months} 个月谈一次（工作规则）</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>支部</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>尽快</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Due now or soon</source>
        <translation>已逾期和即将到期</translation>
    </message>
    <message>
        <source>Everyone on the roll</source>
        <translation>全部在册党员</translation>
    </message>
    <message>
        <source>No talk recorded yet</source>
        <translation>尚无谈话记录</translation>
    </message>
    <message>
        <source>Overdue by {days} days</source>
        <translation>已逾期 {days} 天</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <source>Due in {days} days</source>
        <translation>{days} 天后到期</translation>
    </message>
    <message>
        <source>Record a talk with them</source>
        <translation>记录谈话…</translation>
    </message>
    <message>
        <source>Search by name, pinyin or party group</source>
        <translation>按姓名、拼音或党小组查找</translation>
    </message>
    <message>
        <source>No member is on the roll yet.</source>
        <translation>还没有在册党员。</translation>
    </message>
    <message>
        <source>Each member should be talked with at least once every {months} months (rule table).</source>
        <translation>每名党员至少每 {months} 个月谈心谈话一次（见设置中的规则表）。</translation>
    </message>
</context>
<context>
    <name>TalksPanel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>Talked by</source>
        <translation>谈话人</translation>
    </message>
    <message>
        <source>Talked with</source>
        <translation>谈话对象</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>All forms</source>
        <translation>全部形式</translation>
    </message>
    <message>
        <source>Any follow-up</source>
        <translation>全部跟进情况</translation>
    </message>
    <message>
        <source>Follow-up open</source>
        <translation>有未完成的跟进</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待跟进</translation>
    </message>
    <message>
        <source>Overdue {day}</source>
        <translation>逾期（{day}）</translation>
    </message>
    <message>
        <source>Open, by {day}</source>
        <translation>待跟进（{day}前）</translation>
    </message>
    <message>
        <source>The talks could not be read.</source>
        <translation>谈话记录未能读出。</translation>
    </message>
    <message>
        <source>This talk no longer exists; it may have been deleted.</source>
        <translation>这次谈话已不存在，可能已被删除。</translation>
    </message>
    <message>
        <source>This talk no longer exists (deleted since?): what was typed is in the dialog for a new talk, to save or to discard.</source>
        <translation>这次谈话的记录已不存在（可能已被删除）：填写到一半的内容已放进新增谈话的窗口，可以另存为一条新记录，也可以丢弃。</translation>
    </message>
    <message>
        <source>Save the talk register as</source>
        <translation>谈心谈话登记表另存为</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Talk register saved ({count} talks): {path}</source>
        <translation>谈心谈话登记表已保存（{count} 次谈话）：{path}</translation>
    </message>
    <message>
        <source>Talk register</source>
        <translation>谈心谈话登记表</translation>
    </message>
    <message>
        <source>The talk register of {year} ({count} talks) is saved:</source>
        <translation>{year}年谈心谈话登记表（{count} 次谈话）已保存：</translation>
    </message>
    <message>
        <source>Delete talk</source>
        <translation>删除谈心谈话</translation>
    </message>
    <message>
        <source>Delete the talk of {day} with {names}? It cannot be undone.</source>
        <translation>删除 {day} 与{names}的谈心谈话？删除后不能恢复。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Talks</source>
        <translation>谈话记录</translation>
    </message>
    <message>
        <source>Due a talk ({count} overdue)</source>
        <translation>应谈话党员（{count} 人逾期）</translation>
    </message>
    <message>
        <source>Due a talk</source>
        <translation>应谈话党员</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Export register…</source>
        <translation>导出登记表…</translation>
    </message>
    <message>
        <source>The year&apos;s talks as a register to print or hand in (Excel): date, who talked with whom, form, topic and follow-up; not what was said</source>
        <translation>把本年度的谈心谈话导出为登记表（Excel），用于打印或上报：日期、谈话人和谈话对象、形式、主题和跟进事项；不含谈话内容</translation>
    </message>
    <message>
        <source>Record a talk (Ctrl+N)</source>
        <translation>记录一次谈话（Ctrl+N）</translation>
    </message>
    <message>
        <source>Delete a talk recorded by mistake (Del)</source>
        <translation>删除误录的谈话记录（Del）</translation>
    </message>
    <message>
        <source>Record the first talk</source>
        <translation>记录第一次谈心谈话</translation>
    </message>
    <message>
        <source>No heart-to-heart talk recorded in this year yet.</source>
        <translation>这一年还没有谈心谈话记录。</translation>
    </message>
    <message>
        <source>Search by name, pinyin or topic</source>
        <translation>按姓名、拼音或主题查找</translation>
    </message>
</context>
<context>
    <name>TargetSearch</name>
    <message>
        <source>Search code or name</source>
        <translation>搜索组织代码或名称</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Withdraw…</source>
        <translation>撤销…</translation>
    </message>
    <message>
        <source>Withdraw this entry if it was recorded by mistake</source>
        <translation>误录或填错的变动记录：撤销后重新登记（变动记录不直接修改，以便留痕）</translation>
    </message>
    <message>
        <source>date unknown</source>
        <translation>日期不详</translation>
    </message>
    <message>
        <source>Withdraw this entry…</source>
        <translation>撤销这条记录（填错的请撤销后重新登记）…</translation>
    </message>
    <message>
        <source>The joining entry cannot be withdrawn; correct its date with Edit</source>
        <translation>入党记录不能撤销；如日期有误，请在“编辑”中更正</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
</context>
<context>
    <name>TodoBoard</name>
    <message>
        <source>Set aside ({count})</source>
        <translation>已忽略或暂缓（{count}）</translation>
    </message>
    <message>
        <source>The to-dos could not be read: {reason}</source>
        <translation>未能读取待办事项：{reason}</translation>
    </message>
    <message>
        <source>Nothing needs doing. Well done.</source>
        <translation>暂无待办事项。</translation>
    </message>
    <message>
        <source>Checking what needs doing…</source>
        <translation>正在检查待办事项…</translation>
    </message>
    <message>
        <source>Choose a to-do to read it in full here; Enter or a double-click goes where it is done.</source>
        <translation>选中一项待办事项，这里显示它的全文；按 Enter 或双击即可前往办理。</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>待办事项</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Dismiss…</source>
        <translation>忽略…</translation>
    </message>
    <message>
        <source>Snooze…</source>
        <translation>暂缓…</translation>
    </message>
    <message>
        <source>Bring back</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Show set aside</source>
        <translation>显示已忽略或暂缓的</translation>
    </message>
</context>
<context>
    <name>WorkbenchPage</name>
    <message>
        <source>joined in {year}</source>
        <translation>{year}年入党</translation>
    </message>
    <message>
        <source>Report for {year}…</source>
        <translation>{year}年度台账…</translation>
    </message>
    <message>
        <source>PDF file (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <source>Save yearly report</source>
        <translation>保存年度台账</translation>
    </message>
    <message>
        <source>Yearly report saved: {path}</source>
        <translation>年度台账已保存：{path}</translation>
    </message>
    <message>
        <source>Yearly report</source>
        <translation>年度台账</translation>
    </message>
    <message>
        <source>The yearly report of {year} is saved:</source>
        <translation>{year}年度党建工作台账已保存：</translation>
    </message>
    <message>
        <source>Workbench</source>
        <translation>工作台</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>党员总数</translation>
    </message>
    <message>
        <source>Probationary members</source>
        <translation>预备党员</translation>
    </message>
    <message>
        <source>Meetings held / required this year</source>
        <translation>今年会议 已开/到期应开</translation>
    </message>
    <message>
        <source>On track for study hours</source>
        <translation>学时进度达标率</translation>
    </message>
    <message>
        <source>Open to-dos</source>
        <translation>待办事项</translation>
    </message>
    <message>
        <source>Required meetings held this year, of those already due: the periods that have ended, and the current ones whose meeting was held. Meetings still to be held this period are listed among the to-dos.</source>
        <translation>今年已召开的规定会议，和其中已到期应开的次数：已结束的期间，以及本期已召开的。本期还要召开的会议列在下面的待办事项中。</translation>
    </message>
    <message>
        <source>The share of members whose study hours keep pace with the year so far (the year&apos;s requirement in proportion to the days gone). How many have completed the whole year&apos;s hours: see the Study page.</source>
        <translation>学时跟上今年进度的党员所占比例（按今年已过去的天数折算全年应完成的学时）。全年学时已完成多少人，请看“学习”页。</translation>
    </message>
    <message>
        <source>Yearly report…</source>
        <translation>年度台账…</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Age and Party age</source>
        <translation>年龄与党龄</translation>
    </message>
    <message>
        <source>Gender and ethnicity</source>
        <translation>性别与民族</translation>
    </message>
    <message>
        <source>Education and category</source>
        <translation>学历与类别</translation>
    </message>
    <message>
        <source>Party groups and joining years</source>
        <translation>党小组与入党年份</translation>
    </message>
    <message>
        <source>Attendance and study</source>
        <translation>出席与学习</translation>
    </message>
    <message>
        <source>Branches</source>
        <translation>各支部</translation>
    </message>
    <message>
        <source>Members ({count} on two rolls, counted once)</source>
        <translation>党员总数
（{count} 人在两个支部，只计一次）</translation>
    </message>
    <message>
        <source>Of these, {count} are on the rolls of two branches (the same ID number, as in a transfer under way) and are counted once; the branches&apos; own figures add up to {entries}. See the to-do naming them.</source>
        <translation>其中 {count} 人同时在两个支部的花名册上（公民身份号码相同，如组织关系转接尚未办完），只计一次；各支部人数相加为 {entries} 人。具体是谁，见待办事项中的提示。</translation>
    </message>
    <message>
        <source>Writing the yearly report…</source>
        <translation>正在生成年度台账…</translation>
    </message>
    <message>
        <source>The yearly report could not be saved to {path}. Check that the folder exists, that the file is not open in another program, and that the disk is not full.</source>
        <translation>年度台账未能保存到 {path}。请检查文件夹是否存在、文件是否在其他程序中打开、磁盘是否已满。</translation>
    </message>
</context>
<context>
    <name>WriteButtons</name>
    <message>
        <source>&amp;Write and check</source>
        <translation>写入并核对(&amp;W)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
</TS>
