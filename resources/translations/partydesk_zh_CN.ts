<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>partydesk is already running</source>
        <translation>partydesk 已在运行</translation>
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
        <source>The database is damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <source>No verified backup was found. A copy of the damaged file was kept in:</source>
        <translation>没有找到经过校验的备份。损坏文件的副本已保存在：</translation>
    </message>
    <message>
        <source>Restore the newest verified backup, made on {0}?</source>
        <translation>是否从最近一次经过校验的备份（{0}）恢复？</translation>
    </message>
    <message>
        <source>A copy of the damaged file was kept in:</source>
        <translation>损坏文件的副本已保存在：</translation>
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
        <source>For internal use by Party organisations. Built with Qt (LGPL v3), PySide6, SQLite (public domain) and SQLAlchemy (MIT).</source>
        <translation>供党组织内部使用。本程序使用了 Qt（LGPL v3）、PySide6、SQLite（公有领域）和 SQLAlchemy（MIT）。</translation>
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
        <source>Before you start, tell the program which Party organisation this computer keeps records for. You can change these details later in Settings.</source>
        <translation>开始使用前，请填写这台电脑为哪个党组织记录工作。这些信息以后可以在“设置”中修改。</translation>
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
        <source>Organisation type:</source>
        <translation>组织类别：</translation>
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
        <translation>管理本支部的花名册、会议和学习记录，并用 U 盘向上级党委报送同步文件。</translation>
    </message>
    <message>
        <source>A Party committee above several branches</source>
        <translation>上级党委（管理多个党支部）</translation>
    </message>
    <message>
        <source>Imports the sync files sent by its branches and sees all of their records together.</source>
        <translation>导入各党支部报送的同步文件，汇总查看所有支部的记录。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
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
        <source>Make a verified copy of the database now</source>
        <translation>立即为数据库做一份经过校验的备份</translation>
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
        <source>&amp;About Party Branch Desk</source>
        <translation>关于党支部工作台(&amp;A)</translation>
    </message>
    <message>
        <source>Party Branch Desk</source>
        <translation>党支部工作台</translation>
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
        <source>National default</source>
        <translation>国家默认值</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Allowed: {minimum} to {maximum} {unit}</source>
        <translation>允许范围：{minimum}–{maximum} {unit}</translation>
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
        <source>A Party committee: imports the sync files of its branches.</source>
        <translation>上级党委：导入各党支部报送的同步文件。</translation>
    </message>
    <message>
        <source>A Party branch: sends sync files up to its committee.</source>
        <translation>党支部：向上级党委报送同步文件。</translation>
    </message>
    <message>
        <source>Chosen at first-run set-up; it cannot be changed here.</source>
        <translation>在初始设置时选定，此处不能修改。</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Restore default</source>
        <translation>恢复默认</translation>
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
        <source>These numbers decide when the program reminds you that something is due. Each row shows the national default beside your value; rows in bold differ from it. Double-click a current value to change it.</source>
        <translation>这些数字决定程序何时提醒您某项工作到期。每行都列出国家默认值供对照，加粗的行与默认值不同。双击“当前值”即可修改。</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>
