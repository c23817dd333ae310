<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
<context>
    <name>DateField</name>
    <message>
        <source>如 2022-06-30，可留空</source>
        <translation>e.g. 2022-06-30</translation>
    </message>
    <message>
        <source>日历</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <source>从日历中选择日期（Alt+↓）</source>
        <translation>Pick a date from the calendar (Alt+↓)</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>新增</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>恢复</source>
        <translation>Restored</translation>
    </message>
    <message>
        <source>修改历史 — {title}：{subject}</source>
        <translation>Change history — {title}: {subject}</translation>
    </message>
    <message>
        <source>修改历史 — {title}</source>
        <translation>Change history — {title}</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>操作人</source>
        <translation>User</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>原值</source>
        <translation>Old value</translation>
    </message>
    <message>
        <source>新值</source>
        <translation>New value</translation>
    </message>
    <message>
        <source>共 {n} 次操作。时间为本机时间。</source>
        <translation>Operations: {n}. Times are shown in local time.</translation>
    </message>
    <message>
        <source>没有修改记录。</source>
        <translation>No changes recorded.</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>基层纪检监察工作台 — {unit}</source>
        <translation>Jiwei Desk — {unit}</translation>
    </message>
    <message>
        <source>编制配备汇总</source>
        <translation>Staffing summary</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>设置(&amp;S)…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>放大字体</source>
        <translation>Larger font</translation>
    </message>
    <message>
        <source>缩小字体</source>
        <translation>Smaller font</translation>
    </message>
    <message>
        <source>默认字号</source>
        <translation>Default font size</translation>
    </message>
    <message>
        <source>下一页</source>
        <translation>Next page</translation>
    </message>
    <message>
        <source>上一页</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <source>导航栏</source>
        <translation>Navigation pane</translation>
    </message>
    <message>
        <source>第 {n} 页</source>
        <translation>Page {n}</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>快捷键(&amp;K)</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <source>字号：{n} 磅</source>
        <translation>Font size: {n} pt</translation>
    </message>
    <message>
        <source>快捷键</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Ctrl+N 新增&#x3000;F2 或 回车 编辑&#x3000;Del 删除&#x3000;Ctrl+Z 撤销删除
Ctrl+F 搜索&#x3000;F5 刷新&#x3000;Ctrl+H 修改历史&#x3000;Ctrl+E 导出 Excel
Alt+1…9 切换页面&#x3000;Ctrl+PgUp/PgDown 上一页/下一页&#x3000;Ctrl+B 导航栏
Ctrl++ / Ctrl+- 放大/缩小字体&#x3000;Ctrl+0 默认字号&#x3000;Ctrl+, 设置&#x3000;Ctrl+Q 退出</source>
        <translation>Ctrl+N:&#xa0;new&#x3000;F2&#xa0;or&#xa0;Enter:&#xa0;edit&#x3000;Del:&#xa0;delete&#x3000;Ctrl+Z:&#xa0;undo&#xa0;delete
Ctrl+F:&#xa0;search&#x3000;F5:&#xa0;refresh&#x3000;Ctrl+H:&#xa0;change&#xa0;history&#x3000;Ctrl+E:&#xa0;export&#xa0;to&#xa0;Excel
Alt+1…9:&#xa0;go&#xa0;to&#xa0;page&#x3000;Ctrl+PgUp/PgDown:&#xa0;previous/next&#xa0;page&#x3000;Ctrl+B:&#xa0;navigation&#xa0;pane
Ctrl++&#xa0;/&#xa0;Ctrl+-:&#xa0;larger/smaller&#xa0;font&#x3000;Ctrl+0:&#xa0;default&#xa0;font&#xa0;size&#x3000;Ctrl+,:&#xa0;settings&#x3000;Ctrl+Q:&#xa0;exit</translation>
    </message>
    <message>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <source>基层纪检监察工作台 {version}
单机运行，数据经加密 U 盘与县纪委监委交换。</source>
        <translation>Jiwei Desk {version}
Runs stand-alone; data is exchanged with the county commission for discipline inspection and supervision on an encrypted USB drive.</translation>
    </message>
    <message>
        <source>本机单位：{unit}（{type}）· {county}</source>
        <translation>Unit: {unit} ({type}) · {county}</translation>
    </message>
    <message>
        <source>数据库：{db}</source>
        <translation>Database: {db}</translation>
    </message>
    <message>
        <source>用户：{user}</source>
        <translation>User: {user}</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>未填</source>
        <translation>Not set</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>请选择</source>
        <translation>Please select</translation>
    </message>
    <message>
        <source>输入名称查找，或从列表中选择</source>
        <translation>Type a name or pick from the list</translation>
    </message>
    <message>
        <source>（已删除或不可选的记录）</source>
        <translation>(deleted or unavailable record)</translation>
    </message>
    <message>
        <source>新增 — {title}</source>
        <translation>New — {title}</translation>
    </message>
    <message>
        <source>编辑 — {title}</source>
        <translation>Edit — {title}</translation>
    </message>
    <message>
        <source>此记录已删除，只能查看。恢复后才能修改。</source>
        <translation>This record is deleted and read-only. Restore it to change it.</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>保存并继续新增</source>
        <translation>Save and add another</translation>
    </message>
    <message>
        <source>保存这一条，接着录入下一条（Ctrl+Shift+S）</source>
        <translation>Save this record and start the next one (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>保存并关闭（Ctrl+S）</source>
        <translation>Save and close (Ctrl+S)</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>未能保存，请先修改下面标出的问题：</source>
        <translation>Not saved. Please correct the problems marked below:</translation>
    </message>
    <message>
        <source>这条记录已被删除，不能再保存。请关闭后刷新列表。</source>
        <translation>This record has been deleted and can no longer be saved. Close the form and refresh the list.</translation>
    </message>
    <message>
        <source>已保存。可以接着录入下一条。</source>
        <translation>Saved. You can enter the next record.</translation>
    </message>
    <message>
        <source>放弃修改？</source>
        <translation>Discard changes?</translation>
    </message>
    <message>
        <source>填写的内容还没有保存。确定要放弃吗？</source>
        <translation>Your entries have not been saved. Discard them?</translation>
    </message>
    <message>
        <source>放弃修改</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>继续填写</source>
        <translation>Keep editing</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <source>新增一条记录</source>
        <translation>Add a new record</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>编辑选中的记录（也可双击或按回车）</source>
        <translation>Edit the selected record (or double-click, or press Enter)</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>删除选中的记录，可撤销</source>
        <translation>Delete the selected records (can be undone)</translation>
    </message>
    <message>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>恢复选中的已删除记录</source>
        <translation>Restore the selected deleted records</translation>
    </message>
    <message>
        <source>撤销删除</source>
        <translation>Undo delete</translation>
    </message>
    <message>
        <source>撤销刚才的删除</source>
        <translation>Undo the last delete</translation>
    </message>
    <message>
        <source>历史</source>
        <translation>History</translation>
    </message>
    <message>
        <source>查看选中记录的修改历史</source>
        <translation>Show the change history of the selected record</translation>
    </message>
    <message>
        <source>导出 Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>把当前列表导出为 Excel 文件</source>
        <translation>Export the list as shown to an Excel file</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>重新读取列表</source>
        <translation>Reload the list</translation>
    </message>
    <message>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>复制选中的行，可粘贴到 Excel 或 WPS</source>
        <translation>Copy the selected rows for pasting into Excel or WPS</translation>
    </message>
    <message>
        <source>搜索{fields}…（Ctrl+F）</source>
        <translation>Search {fields}… (Ctrl+F)</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>在以下字段中查找：{fields}</source>
        <translation>Searches these fields: {fields}</translation>
    </message>
    <message>
        <source>按{label}筛选</source>
        <translation>Filter by {label}</translation>
    </message>
    <message>
        <source>{label}：</source>
        <translation>{label}:</translation>
    </message>
    <message>
        <source>显示已删除</source>
        <translation>Show deleted</translation>
    </message>
    <message>
        <source>同时列出已删除的记录（灰色、划线），可选中后恢复</source>
        <translation>Also list deleted records (grey, struck out); select them to restore</translation>
    </message>
    <message>
        <source>点击列标题排序；拖动调整列宽和顺序；右键选择显示的列</source>
        <translation>Click a column title to sort; drag to resize or reorder; right-click to choose columns</translation>
    </message>
    <message>
        <source>撤销（Ctrl+Z）</source>
        <translation>Undo (Ctrl+Z)</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>共 {n} 条（已筛选）</source>
        <translation>Records: {n} (filtered)</translation>
    </message>
    <message>
        <source>共 {n} 条</source>
        <translation>Records: {n}</translation>
    </message>
    <message>
        <source>没有符合条件的记录。可以换个搜索词，或把筛选改为“全部”。</source>
        <translation>No records match. Try another search, or set the filters to “All”.</translation>
    </message>
    <message>
        <source>还没有记录。点击“新增”或按 Ctrl+N 添加第一条。</source>
        <translation>No records yet. Click “New” or press Ctrl+N to add the first one.</translation>
    </message>
    <message>
        <source>查看</source>
        <translation>View</translation>
    </message>
    <message>
        <source>已保存。这条记录不符合当前的搜索或筛选条件，所以不在列表中。</source>
        <translation>Saved. The record does not match the current search or filters, so it is not in the list.</translation>
    </message>
    <message>
        <source>已保存「{name}」。</source>
        <translation>Saved “{name}”.</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>确定删除「{name}」吗？
删除后可以立即撤销，也可以勾选“显示已删除”后恢复。</source>
        <translation>Delete “{name}”?
You can undo it right away, or restore it later under “Show deleted”.</translation>
    </message>
    <message>
        <source>确定删除选中的 {n} 条记录吗？
删除后可以立即撤销，也可以勾选“显示已删除”后恢复。</source>
        <translation>Delete the {n} selected records?
You can undo this right away, or restore them later under “Show deleted”.</translation>
    </message>
    <message>
        <source>删除记录</source>
        <translation>Confirm deletion</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>「{name}」：{reason}</source>
        <translation>“{name}”: {reason}</translation>
    </message>
    <message>
        <source>已删除「{name}」。</source>
        <translation>Deleted “{name}”.</translation>
    </message>
    <message>
        <source>已删除 {n} 条记录。</source>
        <translation>Deleted {n} records.</translation>
    </message>
    <message>
        <source>不能删除</source>
        <translation>Cannot delete</translation>
    </message>
    <message>
        <source>已撤销删除，恢复了 {n} 条记录。</source>
        <translation>Delete undone: {n} record(s) restored.</translation>
    </message>
    <message>
        <source>已恢复 {n} 条记录。</source>
        <translation>Restored {n} record(s).</translation>
    </message>
    <message>
        <source>已复制 {n} 行，可粘贴到 Excel 或 WPS。</source>
        <translation>Copied {n} row(s); you can paste them into Excel or WPS.</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>已导出 {n} 条记录到 {path}&#x3000;&lt;a href=&quot;{folder}&quot;&gt;打开所在文件夹&lt;/a&gt;</source>
        <translation>Exported {n} record(s) to {path}&#x3000;&lt;a href=&quot;{folder}&quot;&gt;Open folder&lt;/a&gt;</translation>
    </message>
    <message>
        <source>正在导出 {n} 条记录…</source>
        <translation>Exporting {n} record(s)…</translation>
    </message>
    <message>
        <source>已取消导出，没有写入文件。</source>
        <translation>Export cancelled; no file was written.</translation>
    </message>
    <message>
        <source>导出失败。</source>
        <translation>Export failed.</translation>
    </message>
    <message>
        <source>显示的列</source>
        <translation>Columns shown</translation>
    </message>
    <message>
        <source>恢复默认列宽和顺序</source>
        <translation>Reset column widths and order</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>{n} 磅</source>
        <translation>{n} pt</translation>
    </message>
    <message>
        <source>界面语言在重新启动程序后生效。</source>
        <translation>A new interface language takes effect when the program is restarted.</translation>
    </message>
    <message>
        <source>字号(&amp;F)</source>
        <translation>&amp;Font size</translation>
    </message>
    <message>
        <source>界面语言(&amp;L)</source>
        <translation>Interface &amp;language</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>首次使用：设置本机</source>
        <translation>First start: set up this computer</translation>
    </message>
    <message>
        <source>请说明这台电脑属于哪个单位。设置后不能更改；
单位代码由县纪委监委统一编排，请向县纪委监委确认后填写。</source>
        <translation>Please state which unit this computer belongs to; this cannot be changed later.
Unit codes are assigned by the county commission for discipline inspection and supervision: confirm yours with them before entering it.</translation>
    </message>
    <message>
        <source>本机类型</source>
        <translation>This computer belongs to</translation>
    </message>
    <message>
        <source>乡镇纪委</source>
        <translation>Township commission</translation>
    </message>
    <message>
        <source>派驻纪检监察组</source>
        <translation>Dispatched group</translation>
    </message>
    <message>
        <source>县纪委监委</source>
        <translation>County commission</translation>
    </message>
    <message>
        <source>例如 X01</source>
        <translation>e.g. X01</translation>
    </message>
    <message>
        <source>例如 示范县</source>
        <translation>e.g. 示范县</translation>
    </message>
    <message>
        <source>例如 X01-T03</source>
        <translation>e.g. X01-T03</translation>
    </message>
    <message>
        <source>例如 城关镇纪委</source>
        <translation>e.g. 城关镇纪委</translation>
    </message>
    <message>
        <source>县代码 *</source>
        <translation>County code *</translation>
    </message>
    <message>
        <source>县名称 *</source>
        <translation>County name *</translation>
    </message>
    <message>
        <source>本单位代码 *</source>
        <translation>Unit code *</translation>
    </message>
    <message>
        <source>本单位名称 *</source>
        <translation>Unit name *</translation>
    </message>
    <message>
        <source>管理员用户名 *</source>
        <translation>Administrator user name *</translation>
    </message>
    <message>
        <source>管理员密码 *</source>
        <translation>Administrator password *</translation>
    </message>
    <message>
        <source>再次输入密码 *</source>
        <translation>Repeat password *</translation>
    </message>
    <message>
        <source>密码至少 8 位，须同时包含字母和数字。请牢记，忘记后需由管理员重置。</source>
        <translation>The password needs at least 8 characters, with both letters and digits. Remember it: a forgotten password has to be reset by an administrator.</translation>
    </message>
    <message>
        <source>完成设置</source>
        <translation>Finish setup</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Exit</translation>
    </message>
    <message>
        <source>两次输入的密码不一致。</source>
        <translation>The two passwords do not match.</translation>
    </message>
</context>
<context>
    <name>StaffingPage</name>
    <message>
        <source>编制配备汇总</source>
        <translation>Staffing summary</translation>
    </message>
    <message>
        <source>导出 Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>把汇总表导出为 Excel 文件（Ctrl+E）</source>
        <translation>Export the summary to an Excel file (Ctrl+E)</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>重新统计（F5）</source>
        <translation>Recalculate (F5)</translation>
    </message>
    <message>
        <source>编制配备汇总表</source>
        <translation>Staffing summary table</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>乡镇监察对象与党员</source>
        <translation>Townships: persons under supervision and Party members</translation>
    </message>
    <message>
        <source>年度：</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>乡镇数：</source>
        <translation>Townships:</translation>
    </message>
    <message>
        <source>监察对象：</source>
        <translation>Persons under supervision:</translation>
    </message>
    <message>
        <source>党员：</source>
        <translation>Party members:</translation>
    </message>
    <message>
        <source>还没有单位记录。请先在“单位”中登记单位和核定编制，在“人员与岗位”中登记人员。</source>
        <translation>No units yet. Enter units and their authorised posts under “Units”, and people under “Staff and posts”.</translation>
    </message>
    <message>
        <source>{type} {units} 个，核定编制 {authorised} 名，实际配备 {staffed} 名，其中专职 {full_time} 名</source>
        <translation>{type} — units: {units}, authorised posts: {authorised}, staffed: {staffed} (full-time: {full_time})</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>。</source>
        <translation>.</translation>
    </message>
    <message>
        <source>{year} 年</source>
        <translation>{year}</translation>
    </message>
    <message>
        <source>还没有登记监察对象与党员数。请在“监察对象与党员”中按乡镇和年度登记。</source>
        <translation>No figures for persons under supervision and Party members yet. Enter them by township and year under “Township figures”.</translation>
    </message>
    <message>
        <source>{n} 个</source>
        <translation>{n}</translation>
    </message>
    <message>
        <source>{n} 人</source>
        <translation>{n}</translation>
    </message>
    <message>
        <source>{n} 名</source>
        <translation>{n}</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>已导出到 {path}&#x3000;&lt;a href=&quot;{folder}&quot;&gt;打开所在文件夹&lt;/a&gt;</source>
        <translation>Exported to {path}&#x3000;&lt;a href=&quot;{folder}&quot;&gt;Open folder&lt;/a&gt;</translation>
    </message>
    <message>
        <source>正在导出编制配备汇总…</source>
        <translation>Exporting the staffing summary…</translation>
    </message>
    <message>
        <source>导出失败。</source>
        <translation>Export failed.</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <source>该记录已不存在，可能已被删除。请刷新列表后重试。</source>
        <translation>The record no longer exists; it may have been deleted. Refresh the list and try again.</translation>
    </message>
    <message>
        <source>没有权限写入该文件或文件夹。如果文件正在 Excel 等程序中打开，请先关闭它；或换一个文件夹再试。</source>
        <translation>No permission to write this file or folder. If the file is open in Excel or another program, close it first, or choose another folder.</translation>
    </message>
    <message>
        <source>找不到文件或文件夹：{path}。请检查位置后重试。</source>
        <translation>File or folder not found: {path}. Check the location and try again.</translation>
    </message>
    <message>
        <source>磁盘空间不足。请清理磁盘或换一个位置后重试。</source>
        <translation>The disk is full. Free some space or choose another location, then try again.</translation>
    </message>
    <message>
        <source>读写文件失败：{reason}。请检查位置后重试。</source>
        <translation>Could not read or write the file: {reason}. Check the location and try again.</translation>
    </message>
    <message>
        <source>发生了意外错误（{kind}）。请重试；如果仍然出错，请联系县纪委监委的信息管理员。</source>
        <translation>An unexpected error occurred ({kind}). Please try again; if it happens again, contact the IT administrator of the county commission for discipline inspection and supervision.</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>操作失败</source>
        <translation>Operation failed</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>本数据目录尚未初始化，请先运行 init。</source>
        <translation>This data folder has not been initialised yet; run init first.</translation>
    </message>
    <message>
        <source>只有县纪委监委的安装才能管理单位（本机是{unit_type}）。</source>
        <translation>Only the installation of the county commission for discipline inspection and supervision can manage units (this installation is: {unit_type}).</translation>
    </message>
    <message>
        <source>无法读取密码文件 {path}：{reason}</source>
        <translation>Cannot read the password file {path}: {reason}</translation>
    </message>
    <message>
        <source>密码文件 {path} 的第一行是空的。</source>
        <translation>The first line of the password file {path} is empty.</translation>
    </message>
    <message>
        <source>没有提供密码：请用 --password-file 或环境变量 JIWEI_PASSWORD_FILE 指定密码文件。</source>
        <translation>No password given: name a password file with --password-file or the environment variable JIWEI_PASSWORD_FILE.</translation>
    </message>
    <message>
        <source>两次输入的密码不一致。</source>
        <translation>The two passwords do not match.</translation>
    </message>
    <message>
        <source>本数据目录已经初始化，不能再次初始化。</source>
        <translation>This data folder has already been initialised and cannot be initialised again.</translation>
    </message>
    <message>
        <source>已初始化：{unit}（{code}，{type}），管理员 {admin}。数据库：{db}</source>
        <translation>Initialised: {unit} ({code}, {type}), administrator {admin}. Database: {db}</translation>
    </message>
    <message>
        <source>示范数据与已有数据冲突：{reason}</source>
        <translation>The demo data conflicts with existing data: {reason}</translation>
    </message>
    <message>
        <source>已添加示范数据（种子 {seed}）：新增 {added} 条，修改 {edited} 条，删除 {deleted} 条。</source>
        <translation>Demo data added (seed {seed}): {added} added, {edited} changed, {deleted} deleted.</translation>
    </message>
    <message>
        <source>种子 {seed} 的示范数据已经添加过，没有新的变化。</source>
        <translation>The demo data for seed {seed} has already been added; nothing changed.</translation>
    </message>
    <message>
        <source>已登记单位：{name}（{code}，{type}，核定编制 {posts}）。</source>
        <translation>Unit registered: {name} ({code}, {type}, authorised posts: {posts}).</translation>
    </message>
    <message>
        <source>数据库操作失败：{reason}</source>
        <translation>Database operation failed: {reason}</translation>
    </message>
    <message>
        <source>已取消。</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>只能用字母、数字、下划线和连字符，最多 32 位</source>
        <translation>Letters, digits, underscores and hyphens only, up to 32 characters</translation>
    </message>
    <message>
        <source>只能用数字、空格、+ 和 -，5 到 20 位</source>
        <translation>Digits, spaces, + and - only, 5 to 20 characters</translation>
    </message>
    <message>
        <source>该单位没有「{post}」这一岗位。</source>
        <translation>This unit has no “{post}” post.</translation>
    </message>
    <message>
        <source>挂职人员须填写派出单位。</source>
        <translation>For seconded staff, enter the unit they are seconded from.</translation>
    </message>
    <message>
        <source>挂职人员须填写挂职开始日期。</source>
        <translation>For seconded staff, enter the date the secondment starts.</translation>
    </message>
    <message>
        <source>挂职结束日期不能早于开始日期。</source>
        <translation>The secondment cannot end before it starts.</translation>
    </message>
    <message>
        <source>密码至少 {n} 位。</source>
        <translation>The password needs at least {n} characters.</translation>
    </message>
    <message>
        <source>密码须同时包含字母和数字（或符号）。</source>
        <translation>The password must contain both letters and digits (or symbols).</translation>
    </message>
    <message>
        <source>用户名或密码不正确。</source>
        <translation>Incorrect user name or password.</translation>
    </message>
    <message>
        <source>请选择本机是县纪委监委、乡镇纪委还是派驻纪检监察组。</source>
        <translation>Please choose whether this computer belongs to the county commission, a township commission or a dispatched group.</translation>
    </message>
    <message>
        <source>单位代码</source>
        <translation>Unit code</translation>
    </message>
    <message>
        <source>县代码</source>
        <translation>County code</translation>
    </message>
    <message>
        <source>「{label}」只能用字母、数字、下划线和连字符，1 到 32 位。</source>
        <translation>“{label}” may contain only letters, digits, underscores and hyphens, 1 to 32 characters.</translation>
    </message>
    <message>
        <source>单位名称</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <source>县名称</source>
        <translation>County name</translation>
    </message>
    <message>
        <source>「{label}」不能为空。</source>
        <translation>“{label}” is required.</translation>
    </message>
    <message>
        <source>「{label}」最多 {n} 个字。</source>
        <translation>“{label}” can be at most {n} characters long.</translation>
    </message>
    <message>
        <source>管理员用户名只能用字母、数字和 . _ -，2 到 64 位。</source>
        <translation>The administrator user name may contain only letters, digits and . _ -, 2 to 64 characters.</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>未知字段：{names}</source>
        <translation>Unknown fields: {names}</translation>
    </message>
    <message>
        <source>「{label}」须为整数。</source>
        <translation>“{label}” must be a whole number.</translation>
    </message>
    <message>
        <source>「{label}」须为日期，格式如 2022-06-30。</source>
        <translation>“{label}” must be a date, written like 2022-06-30.</translation>
    </message>
    <message>
        <source>「{label}」只能填「是」或「否」。</source>
        <translation>“{label}” must be “Yes” or “No”.</translation>
    </message>
    <message>
        <source>「{label}」的取值无效。</source>
        <translation>“{label}” has an invalid value.</translation>
    </message>
    <message>
        <source>「{label}」格式不对：{hint}。</source>
        <translation>“{label}” is not in the right format. {hint}.</translation>
    </message>
    <message>
        <source>「{label}」不能小于 {n}。</source>
        <translation>“{label}” cannot be less than {n}.</translation>
    </message>
    <message>
        <source>「{label}」不能大于 {n}。</source>
        <translation>“{label}” cannot be greater than {n}.</translation>
    </message>
    <message>
        <source>「{label}」所选的记录不存在、已删除或不符合要求。</source>
        <translation>The record chosen for “{label}” does not exist, has been deleted or is not allowed here.</translation>
    </message>
    <message>
        <source>已有相同「{labels}」的记录。</source>
        <translation>A record with the same “{labels}” already exists.</translation>
    </message>
    <message>
        <source>{title} {n} 条</source>
        <translation>{title}: {n}</translation>
    </message>
    <message>
        <source>还有记录引用它（{what}），不能删除。</source>
        <translation>Other records still refer to it ({what}), so it cannot be deleted.</translation>
    </message>
    <message>
        <source>单位类型</source>
        <translation>Unit type</translation>
    </message>
    <message>
        <source>单位数</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>核定编制</source>
        <translation>Authorised posts</translation>
    </message>
    <message>
        <source>实际配备</source>
        <translation>Staffed</translation>
    </message>
    <message>
        <source>空缺</source>
        <translation>Vacancies</translation>
    </message>
    <message>
        <source>专职</source>
        <translation>Full-time</translation>
    </message>
    <message>
        <source>专职占比</source>
        <translation>Full-time share</translation>
    </message>
    <message>
        <source>兼监察员/监察员</source>
        <translation>Inspectors (incl. concurrent)</translation>
    </message>
    <message>
        <source>挂职</source>
        <translation>Seconded</translation>
    </message>
    <message>
        <source>书记/组长</source>
        <translation>Secretaries / Group Leaders</translation>
    </message>
    <message>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>编制配备汇总</source>
        <translation>Staffing summary</translation>
    </message>
    <message>
        <source>乡镇监察对象与党员（{year} 年）</source>
        <translation>Townships: persons under supervision and Party members ({year})</translation>
    </message>
    <message>
        <source>乡镇数</source>
        <translation>Townships</translation>
    </message>
    <message>
        <source>监察对象</source>
        <translation>Persons under supervision</translation>
    </message>
    <message>
        <source>党员</source>
        <translation>Party members</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>application</name>
    <message>
        <source>基层纪检监察工作台</source>
        <translation>Jiwei Desk</translation>
    </message>
</context>
<context>
    <name>register</name>
    <message>
        <source>组织机构</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>县纪委监委</source>
        <translation>County commission for discipline inspection and supervision</translation>
    </message>
    <message>
        <source>委机关室</source>
        <translation>County commission office</translation>
    </message>
    <message>
        <source>乡镇纪委</source>
        <translation>Township discipline inspection commission</translation>
    </message>
    <message>
        <source>派驻纪检监察组</source>
        <translation>Dispatched discipline inspection group</translation>
    </message>
    <message>
        <source>书记</source>
        <translation>Secretary</translation>
    </message>
    <message>
        <source>副书记</source>
        <translation>Deputy Secretary</translation>
    </message>
    <message>
        <source>委员</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>监察员</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <source>组长</source>
        <translation>Group Leader</translation>
    </message>
    <message>
        <source>副组长</source>
        <translation>Deputy Group Leader</translation>
    </message>
    <message>
        <source>组员</source>
        <translation>Group Member</translation>
    </message>
    <message>
        <source>主任</source>
        <translation>Director</translation>
    </message>
    <message>
        <source>工作人员</source>
        <translation>Staff member</translation>
    </message>
    <message>
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>女</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>村党组织副书记</source>
        <translation>Village Party Deputy Secretary</translation>
    </message>
    <message>
        <source>村党组织委员</source>
        <translation>Village Party committee member</translation>
    </message>
    <message>
        <source>村务监督委员会主任</source>
        <translation>Village supervision committee chair</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>片区协作区</source>
        <translation>Zones</translation>
    </message>
    <message>
        <source>片区名称</source>
        <translation>Zone name</translation>
    </message>
    <message>
        <source>统筹常委（委员）</source>
        <translation>Coordinating (Standing) Committee member</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>成员单位数</source>
        <translation>Member units</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>单位代码</source>
        <translation>Unit code</translation>
    </message>
    <message>
        <source>单位名称</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <source>单位类型</source>
        <translation>Unit type</translation>
    </message>
    <message>
        <source>核定编制</source>
        <translation>Authorised posts</translation>
    </message>
    <message>
        <source>所属片区</source>
        <translation>Zone</translation>
    </message>
    <message>
        <source>实际配备</source>
        <translation>Staffed</translation>
    </message>
    <message>
        <source>空缺</source>
        <translation>Vacancies</translation>
    </message>
    <message>
        <source>点对点联系</source>
        <translation>Point-to-point liaison</translation>
    </message>
    <message>
        <source>联系科室</source>
        <translation>Liaison office</translation>
    </message>
    <message>
        <source>联系单位</source>
        <translation>Linked unit</translation>
    </message>
    <message>
        <source>联系事项</source>
        <translation>Liaison matters</translation>
    </message>
    <message>
        <source>人员与岗位</source>
        <translation>Staff and posts</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>所在单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>岗位</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>兼监察员</source>
        <translation>Also inspector</translation>
    </message>
    <message>
        <source>专职</source>
        <translation>Full-time</translation>
    </message>
    <message>
        <source>挂职</source>
        <translation>Seconded</translation>
    </message>
    <message>
        <source>派出单位</source>
        <translation>Seconded from</translation>
    </message>
    <message>
        <source>挂职开始</source>
        <translation>Secondment start</translation>
    </message>
    <message>
        <source>挂职结束</source>
        <translation>Secondment end</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>籍贯村（社区）</source>
        <translation>Home village (community)</translation>
    </message>
    <message>
        <source>离岗日期</source>
        <translation>Date left</translation>
    </message>
    <message>
        <source>村（社区）</source>
        <translation>Villages (communities)</translation>
    </message>
    <message>
        <source>所属乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <source>村（社区）名称</source>
        <translation>Village (community) name</translation>
    </message>
    <message>
        <source>村代码</source>
        <translation>Village code</translation>
    </message>
    <message>
        <source>村级纪检监察员</source>
        <translation>Village liaison</translation>
    </message>
    <message>
        <source>村级职务</source>
        <translation>Village post</translation>
    </message>
    <message>
        <source>被监督单位</source>
        <translation>Supervised units</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <source>监察对象与党员</source>
        <translation>Township figures</translation>
    </message>
    <message>
        <source>乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>监察对象数</source>
        <translation>Persons under supervision</translation>
    </message>
    <message>
        <source>党员数</source>
        <translation>Party members</translation>
    </message>
</context>
</TS>
