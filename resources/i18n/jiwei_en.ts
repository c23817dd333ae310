<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
<context>
    <name>AnswerDialog</name>
    <message>
        <source>回复廉政意见 — {name}</source>
        <translation>Integrity opinion reply — {name}</translation>
    </message>
    <message>
        <source>回复意见：</source>
        <translation>Reply:</translation>
    </message>
    <message>
        <source>回复日期：</source>
        <translation>Reply date:</translation>
    </message>
    <message>
        <source>签发人：</source>
        <translation>Signed by:</translation>
    </message>
    <message>
        <source>问题情况：</source>
        <translation>Facts held:</translation>
    </message>
    <message>
        <source>暂缓理由：</source>
        <translation>Reason for deferring:</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>审计日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>校验</source>
        <translation>Verify</translation>
    </message>
    <message>
        <source>逐条核对审计日志的哈希链，找出被改动、删除、移动或标记删除的第一条</source>
        <translation>Check the audit log&apos;s hash chain entry by entry and find the first entry that was altered, deleted, moved or marked deleted</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>按用户筛选</source>
        <translation>Filter by user</translation>
    </message>
    <message>
        <source>按操作筛选</source>
        <translation>Filter by action</translation>
    </message>
    <message>
        <source>全部操作</source>
        <translation>All actions</translation>
    </message>
    <message>
        <source>按单位筛选</source>
        <translation>Filter by unit</translation>
    </message>
    <message>
        <source>起始日期</source>
        <translation>From date</translation>
    </message>
    <message>
        <source>截止日期</source>
        <translation>To date</translation>
    </message>
    <message>
        <source>记录编号或登记簿名称</source>
        <translation>Record ID or register name</translation>
    </message>
    <message>
        <source>填记录编号（可只填开头几位），或登记簿名称（如“单位”）、表名，只看与之有关的条目</source>
        <translation>Enter a record ID (the first few characters are enough), a register name (such as “Units”) or a table name to see only the entries about it</translation>
    </message>
    <message>
        <source>按记录筛选</source>
        <translation>Filter by record</translation>
    </message>
    <message>
        <source>单位：</source>
        <translation>Unit:</translation>
    </message>
    <message>
        <source>用户：</source>
        <translation>User:</translation>
    </message>
    <message>
        <source>操作：</source>
        <translation>Action:</translation>
    </message>
    <message>
        <source>日期：</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>记录：</source>
        <translation>Record:</translation>
    </message>
    <message>
        <source>点击列标题排序；拖动调整列宽和顺序</source>
        <translation>Click a column title to sort; drag to resize or reorder</translation>
    </message>
    <message>
        <source>不限</source>
        <translation>Any</translation>
    </message>
    <message>
        <source>“不限”表示不按这一端限制；日期为本机日期</source>
        <translation>“Any” means no limit at this end; dates are local dates</translation>
    </message>
    <message>
        <source>全部用户</source>
        <translation>All users</translation>
    </message>
    <message>
        <source>全部单位</source>
        <translation>All units</translation>
    </message>
    <message>
        <source>共 {n} 条（已筛选）</source>
        <translation>Entries: {n} (filtered)</translation>
    </message>
    <message>
        <source>共 {n} 条</source>
        <translation>Entries: {n}</translation>
    </message>
    <message>
        <source>正在校验审计日志…</source>
        <translation>Verifying the audit log…</translation>
    </message>
    <message>
        <source>校验审计日志</source>
        <translation>Verify audit log</translation>
    </message>
    <message>
        <source>正在逐条核对审计日志…</source>
        <translation>Checking the audit log entry by entry…</translation>
    </message>
    <message>
        <source>已取消校验。</source>
        <translation>Verification cancelled.</translation>
    </message>
    <message>
        <source>校验没有完成。</source>
        <translation>The verification did not finish.</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>字段</source>
        <translation>Fields</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>单位·序号</source>
        <translation>Unit · No.</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>{title}，记录编号 {id}</source>
        <translation>{title}, record {id}</translation>
    </message>
    <message>
        <source>本机时间 {local}（UTC {utc}）</source>
        <translation>Local time {local} (UTC {utc})</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>备份</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>备份文件本身是加密的，打开它需要一名管理员的密码或恢复密钥。请把备份存到另一处（例如 U 盘或单位的备份盘），不要只留在这台电脑上。</source>
        <translation>The backup file is itself encrypted: opening it needs an administrator&apos;s password or the recovery key. Keep backups somewhere else too (a USB drive or the office&apos;s backup disk), not only on this computer.</translation>
    </message>
    <message>
        <source>浏览(&amp;W)…</source>
        <translation>Bro&amp;wse…</translation>
    </message>
    <message>
        <source>立即备份(&amp;B)</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <source>立即备份</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>保存到(&amp;F)</source>
        <translation>Save &amp;to</translation>
    </message>
    <message>
        <source>不自动备份</source>
        <translation>No automatic backups</translation>
    </message>
    <message>
        <source> 份</source>
        <translation> backups</translation>
    </message>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>每次退出程序时自动备份一次，只保留最近的几份，更早的自动删除。</source>
        <translation>A backup is made each time the program closes; only the most recent ones are kept and older ones are deleted.</translation>
    </message>
    <message>
        <source>退出时自动备份</source>
        <translation>Automatic backup at exit</translation>
    </message>
    <message>
        <source>保留(&amp;K)</source>
        <translation>&amp;Keep</translation>
    </message>
    <message>
        <source>文件夹(&amp;D)</source>
        <translation>Fol&amp;der</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>选择保存备份的文件夹</source>
        <translation>Choose the folder for the backup</translation>
    </message>
    <message>
        <source>请选择一个已有的文件夹。</source>
        <translation>Please choose an existing folder.</translation>
    </message>
    <message>
        <source>正在备份并校验…</source>
        <translation>Backing up and verifying…</translation>
    </message>
    <message>
        <source>已备份到：{path}
校验通过：{unit}，{time}，{size}。</source>
        <translation>Backed up to: {path}
Verified: {unit}, {time}, {size}.</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>修改密码 — {user}</source>
        <translation>Change password — {user}</translation>
    </message>
    <message>
        <source>原密码</source>
        <translation>Current password</translation>
    </message>
    <message>
        <source>原密码(&amp;O)</source>
        <translation>&amp;Current password</translation>
    </message>
    <message>
        <source>请填写原密码。</source>
        <translation>Please enter the current password.</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>处理数据冲突</source>
        <translation>Resolve data conflict</translation>
    </message>
    <message>
        <source>&lt;b&gt;{table}&lt;/b&gt;：{record}&lt;br&gt;本机和 {peer} 都修改了这条记录。逐项选择要保留的内容；当前采用的是{winner}的版本。保存后，处理结果会随下一个数据包发给对方。</source>
        <translation>&lt;b&gt;{table}&lt;/b&gt;: {record}&lt;br&gt;This PC and {peer} have both changed this record. Choose, field by field, what to keep; the version applied now is the one from {winner}. Once saved, the resolution goes to the other side with the next data package.</translation>
    </message>
    <message>
        <source>本机</source>
        <translation>this PC</translation>
    </message>
    <message>
        <source>对方</source>
        <translation>the other side</translation>
    </message>
    <message>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>本机的版本</source>
        <translation>This PC&apos;s version</translation>
    </message>
    <message>
        <source>对方（{peer}）的版本</source>
        <translation>Other side&apos;s version ({peer})</translation>
    </message>
    <message>
        <source>（加密内容，不显示）</source>
        <translation>(encrypted, not shown)</translation>
    </message>
    <message>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>采用{side}的「{field}」</source>
        <translation>Use “{field}” from {side}</translation>
    </message>
    <message>
        <source>两个版本的内容相同，保存即可关闭这条冲突。</source>
        <translation>Both versions are the same; save to close this conflict.</translation>
    </message>
    <message>
        <source>保存处理结果</source>
        <translation>Save resolution</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>CoverageModel</name>
    <message>
        <source>（以后的季度）</source>
        <translation>(later quarter)</translation>
    </message>
    <message>
        <source>不适用：{day} 添加，此前不计</source>
        <translation>Not applicable: added on {day}, not counted before</translation>
    </message>
    <message>
        <source>双击查看明细</source>
        <translation>Double-click to see the records</translation>
    </message>
    <message>
        <source>双击安排驻村（驻在）</source>
        <translation>Double-click to plan a residency visit</translation>
    </message>
    <message>
        <source>空</source>
        <translation>Empty</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>村（社区）/ 被监督单位</source>
        <translation>Village (community) / supervised unit</translation>
    </message>
</context>
<context>
    <name>CoveragePage</name>
    <message>
        <source>驻村（驻在）覆盖</source>
        <translation>Residency coverage</translation>
    </message>
    <message>
        <source>导出 Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>把覆盖表导出为 Excel 文件</source>
        <translation>Export the coverage table to an Excel file</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>预览并打印覆盖表（横向 A4）</source>
        <translation>Preview and print the coverage table (A4 landscape)</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>重新读取</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>{year} 年</source>
        <translation>{year}</translation>
    </message>
    <message>
        <source>统计内容</source>
        <translation>What to show</translation>
    </message>
    <message>
        <source>驻村（驻在）</source>
        <translation>Residency</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>全部乡镇和派驻组</source>
        <translation>All townships and dispatched groups</translation>
    </message>
    <message>
        <source>年度：</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>内容：</source>
        <translation>Show:</translation>
    </message>
    <message>
        <source>单位：</source>
        <translation>Unit:</translation>
    </message>
    <message>
        <source>覆盖表</source>
        <translation>Coverage table</translation>
    </message>
    <message>
        <source>双击单元格查看驻村记录；双击红色或黄色的单元格可安排驻村。</source>
        <translation>Double-click a cell to see the village residency records; double-click a red or yellow cell to plan a visit.</translation>
    </message>
    <message>
        <source>双击单元格查看台账记录。</source>
        <translation>Double-click a cell to see the ledger entries.</translation>
    </message>
    <message>
        <source>双击单元格查看驻村（驻在）记录；双击红色或黄色的单元格可安排驻村（驻在）。</source>
        <translation>Double-click a cell to see the residency records; double-click a red or yellow cell to plan a residency visit.</translation>
    </message>
    <message>
        <source>「{target}」{quarter}没有驻村（驻在）记录。现在为它安排一次吗？</source>
        <translation>“{target}” has no residency record for {quarter}. Plan a visit now?</translation>
    </message>
    <message>
        <source>「{target}」{quarter}还没有安排驻村（驻在）。现在安排吗？</source>
        <translation>No residency visit is planned yet for “{target}” in {quarter}. Plan one now?</translation>
    </message>
    <message>
        <source>安排驻村（驻在）</source>
        <translation>Plan a residency visit</translation>
    </message>
    <message>
        <source>安排</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>{year}年{what}覆盖情况</source>
        <translation>{what} coverage {year}</translation>
    </message>
    <message>
        <source>已导出 {n} 行到 {path}&#x3000;&lt;a href=&quot;{folder}&quot;&gt;打开所在文件夹&lt;/a&gt;</source>
        <translation>Exported {n} row(s) to {path}&#x3000;&lt;a href=&quot;{folder}&quot;&gt;Open folder&lt;/a&gt;</translation>
    </message>
    <message>
        <source>正在导出覆盖表…</source>
        <translation>Exporting the coverage table…</translation>
    </message>
    <message>
        <source>导出失败。</source>
        <translation>Export failed.</translation>
    </message>
    <message>
        <source>单位：{unit}&#x3000;统计日期：{day}</source>
        <translation>Unit: {unit}&#x3000;As of: {day}</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>如 2022-06-30，可留空</source>
        <translation>e.g. 2022-06-30</translation>
    </message>
    <message>
        <source>如 2022-06-30</source>
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
    <name>DrillDownDialog</name>
    <message>
        <source>明细：{title}</source>
        <translation>Details: {title}</translation>
    </message>
    <message>
        <source>明细记录</source>
        <translation>Detail records</translation>
    </message>
    <message>
        <source>{register}，共 {n} 条</source>
        <translation>{register}: {n} records</translation>
    </message>
    <message>
        <source>（另有 {n} 条不在您的知悉范围内，未列出）</source>
        <translation> ({n} more are outside your need-to-know lists and are not shown)</translation>
    </message>
    <message>
        <source>导出 Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>预览并打印列出的记录</source>
        <translation>Preview and print the records listed</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>明细</source>
        <translation> details</translation>
    </message>
    <message>
        <source>已导出到 {path}&#x3000;&lt;a href=&quot;{folder}&quot;&gt;打开所在文件夹&lt;/a&gt;</source>
        <translation>Exported to {path}&#x3000;&lt;a href=&quot;{folder}&quot;&gt;Open folder&lt;/a&gt;</translation>
    </message>
    <message>
        <source>正在导出明细…</source>
        <translation>Exporting the details…</translation>
    </message>
    <message>
        <source>导出失败。</source>
        <translation>Export failed.</translation>
    </message>
</context>
<context>
    <name>DutyModel</name>
    <message>
        <source>空</source>
        <translation>Empty</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>Who</translation>
    </message>
</context>
<context>
    <name>DutyPage</name>
    <message>
        <source>履职覆盖</source>
        <translation>Duty coverage</translation>
    </message>
    <message>
        <source>导出 Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>把履职覆盖表导出为 Excel 文件</source>
        <translation>Export the duty coverage grid to an Excel file</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>预览并打印显示的履职覆盖表</source>
        <translation>Preview and print the duty coverage table as shown</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>重新读取</source>
        <translation>Read again</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>{year} 年</source>
        <translation>{year}</translation>
    </message>
    <message>
        <source>要求</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>全部乡镇和派驻组</source>
        <translation>All township commissions and groups</translation>
    </message>
    <message>
        <source>按单位或对象查找</source>
        <translation>Find by unit or name</translation>
    </message>
    <message>
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>只看缺项</source>
        <translation>Gaps only</translation>
    </message>
    <message>
        <source>年度：</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>要求：</source>
        <translation>Rule:</translation>
    </message>
    <message>
        <source>单位：</source>
        <translation>Unit:</translation>
    </message>
    <message>
        <source>履职覆盖表</source>
        <translation>Duty coverage grid</translation>
    </message>
    <message>
        <source>还没有登记簿规定频次要求。</source>
        <translation>No register sets a frequency rule yet.</translation>
    </message>
    <message>
        <source>要求：{title}，{rule}。</source>
        <translation>Rule: {title}, {rule}.</translation>
    </message>
    <message>
        <source>全年缺 {n} 次。</source>
        <translation> {n} missed in the year.</translation>
    </message>
    <message>
        <source>{period}：已完成 {paid}，待完成 {due}。</source>
        <translation>{period}: {paid} done, {due} still due.</translation>
    </message>
    <message>
        <source>{year}年{what}完成情况</source>
        <translation>{what} in {year}</translation>
    </message>
    <message>
        <source>已导出 {n} 行到 {path}&#x3000;&lt;a href=&quot;{folder}&quot;&gt;打开所在文件夹&lt;/a&gt;</source>
        <translation>Exported {n} rows to {path}  &lt;a href=&quot;{folder}&quot;&gt;Open the folder&lt;/a&gt;</translation>
    </message>
    <message>
        <source>正在导出履职覆盖表…</source>
        <translation>Exporting the duty coverage grid…</translation>
    </message>
    <message>
        <source>导出失败。</source>
        <translation>Export failed.</translation>
    </message>
</context>
<context>
    <name>ExchangePage</name>
    <message>
        <source>数据交换</source>
        <translation>Data exchange</translation>
    </message>
    <message>
        <source>U 盘或文件夹</source>
        <translation>USB drive or folder</translation>
    </message>
    <message>
        <source>U 盘(&amp;U)：</source>
        <translation>&amp;USB drive:</translation>
    </message>
    <message>
        <source>重新查找(&amp;R)</source>
        <translation>&amp;Rescan</translation>
    </message>
    <message>
        <source>插入 U 盘后重新查找可移动磁盘</source>
        <translation>Look for removable drives again after plugging in a USB drive</translation>
    </message>
    <message>
        <source>导出数据包(&amp;E)…</source>
        <translation>&amp;Export data packages…</translation>
    </message>
    <message>
        <source>导出数据包(&amp;E)</source>
        <translation>&amp;Export data package</translation>
    </message>
    <message>
        <source>为选定的单位各生成一个加密数据包，写到 U 盘</source>
        <translation>Make an encrypted data package for each chosen unit and write it to the USB drive</translation>
    </message>
    <message>
        <source>生成发给县纪委监委的加密数据包，写到 U 盘</source>
        <translation>Make an encrypted data package for the county commission and write it to the USB drive</translation>
    </message>
    <message>
        <source>导入数据包(&amp;I)</source>
        <translation>&amp;Import data packages</translation>
    </message>
    <message>
        <source>导入 U 盘上所有发给本单位的数据包（*.jwb）</source>
        <translation>Import every data package on the USB drive that is addressed to this unit (*.jwb)</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>来自</source>
        <translation>From</translation>
    </message>
    <message>
        <source>第几号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <source>更新</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>冲突</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>跳过</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>导入结果</source>
        <translation>Import results</translation>
    </message>
    <message>
        <source>本次导入结果</source>
        <translation>Results of this import</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>最近收到</source>
        <translation>Last received</translation>
    </message>
    <message>
        <source>距今天数</source>
        <translation>Days ago</translation>
    </message>
    <message>
        <source>记录数</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>待处理冲突</source>
        <translation>Open conflicts</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>各单位报送情况</source>
        <translation>Reports by unit</translation>
    </message>
    <message>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <source>超过多少天未报送时突出显示</source>
        <translation>Highlight units with no report for more than this many days</translation>
    </message>
    <message>
        <source>超过(&amp;D)</source>
        <translation>&amp;More than</translation>
    </message>
    <message>
        <source>未报送的单位突出显示</source>
        <translation>without a report: the unit is highlighted</translation>
    </message>
    <message>
        <source>表</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>当前采用</source>
        <translation>Applied now</translation>
    </message>
    <message>
        <source>发现时间</source>
        <translation>Found at</translation>
    </message>
    <message>
        <source>数据冲突</source>
        <translation>Data conflicts</translation>
    </message>
    <message>
        <source>处理冲突(&amp;C)…</source>
        <translation>Resolve &amp;conflict…</translation>
    </message>
    <message>
        <source>本机和对方都修改过的记录：两个版本都已保存，请逐项选择要保留的内容。</source>
        <translation>Records changed both on this PC and by the other side: both versions have been kept. Choose, field by field, what to keep.</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>方向</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>确认到</source>
        <translation>Acknowledged up to</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>交换记录</source>
        <translation>Exchange history</translation>
    </message>
    <message>
        <source>归属变更</source>
        <translation>Ownership transfers</translation>
    </message>
    <message>
        <source>U 盘 {path}</source>
        <translation>USB drive {path}</translation>
    </message>
    <message>
        <source>选择文件夹…</source>
        <translation>Choose a folder…</translation>
    </message>
    <message>
        <source>选择 U 盘或文件夹</source>
        <translation>Choose a USB drive or folder</translation>
    </message>
    <message>
        <source>请先插入 U 盘并在“U 盘”中选中它，或选择一个文件夹。</source>
        <translation>Plug in a USB drive and select it under “USB drive”, or choose a folder.</translation>
    </message>
    <message>
        <source>导出数据包</source>
        <translation>Export data packages</translation>
    </message>
    <message>
        <source>没有选择单位。请先登记单位（enroll），再选择要导出的单位。</source>
        <translation>No unit chosen. Register the units first (enroll), then choose the units to export for.</translation>
    </message>
    <message>
        <source>正在导出数据包…</source>
        <translation>Exporting data packages…</translation>
    </message>
    <message>
        <source>正在加密并写入数据包，写完后读回校验…</source>
        <translation>Encrypting and writing the data packages, then reading them back to verify…</translation>
    </message>
    <message>
        <source>已取消导出；已写完的数据包仍然有效。</source>
        <translation>Export cancelled; the data packages already written remain valid.</translation>
    </message>
    <message>
        <source>导出没有完成。</source>
        <translation>The export did not finish.</translation>
    </message>
    <message>
        <source>已写入 {path}（第 {n} 号，{records} 条记录），并已读回校验无误。</source>
        <translation>Written to {path} (No. {n}, {records} records) and verified by reading it back.</translation>
    </message>
    <message>
        <source>{code}：{reason}</source>
        <translation>{code}: {reason}</translation>
    </message>
    <message>
        <source>导入数据包</source>
        <translation>Import data packages</translation>
    </message>
    <message>
        <source>{folder} 中没有其他单位发来的数据包（*.jwb）。</source>
        <translation>{folder} contains no data packages (*.jwb) from other units.</translation>
    </message>
    <message>
        <source>另有 {n} 个本机导出的数据包。</source>
        <translation> It also holds {n} data package(s) exported from this PC.</translation>
    </message>
    <message>
        <source>正在导入数据包…</source>
        <translation>Importing data packages…</translation>
    </message>
    <message>
        <source>正在校验、解密并合并数据包…</source>
        <translation>Verifying, decrypting and merging the data packages…</translation>
    </message>
    <message>
        <source>已停止导入；已导入的数据包完整有效，其余可再次导入。</source>
        <translation>Import stopped. The data packages already imported are complete and valid; the rest can be imported again.</translation>
    </message>
    <message>
        <source>导入没有完成。</source>
        <translation>The import did not finish.</translation>
    </message>
    <message>
        <source>已导入</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>已导入过</source>
        <translation>Already imported</translation>
    </message>
    <message>
        <source>拒绝</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>导入了 {ok} 个数据包，{dup} 个此前已导入，{bad} 个被拒绝。</source>
        <translation>Data packages imported: {ok}; already imported before: {dup}; refused: {bad}.</translation>
    </message>
    <message>
        <source>（{n} 个本机导出的数据包未导入。）</source>
        <translation> ({n} data package(s) exported from this PC were not imported.)</translation>
    </message>
    <message>
        <source>处理数据冲突</source>
        <translation>Resolve data conflict</translation>
    </message>
    <message>
        <source>冲突已处理；处理结果会随下一个数据包发给对方。</source>
        <translation>Conflict resolved; the resolution goes to the other side with the next data package.</translation>
    </message>
    <message>
        <source>本机是县纪委监委（{code}）。已登记 {n} 个单位；每个单位的数据包分别导出。</source>
        <translation>This PC is the county commission ({code}). Units registered: {n}; each unit&apos;s data package is exported separately.</translation>
    </message>
    <message>
        <source>本机尚未登记数据交换，须用县纪委监委的登记包初始化。</source>
        <translation>This PC is not registered for data exchange yet: it must be set up with the county commission&apos;s registration package.</translation>
    </message>
    <message>
        <source>尚未收到</source>
        <translation>None yet</translation>
    </message>
    <message>
        <source>本机是{name}（{code}），与{county}交换数据。最近一次收到县里的数据包：{last}。</source>
        <translation>This PC is {name} ({code}) and exchanges data with {county}. Last data package received from the county: {last}.</translation>
    </message>
    <message>
        <source>已吊销</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <source>超过 {n} 天未报送</source>
        <translation>No report for over {n} days</translation>
    </message>
    <message>
        <source>登记后从未报送</source>
        <translation>No report since registration</translation>
    </message>
    <message>
        <source>尚未报送</source>
        <translation>No report yet</translation>
    </message>
    <message>
        <source>正常</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>本机的版本</source>
        <translation>This PC&apos;s version</translation>
    </message>
    <message>
        <source>对方的版本</source>
        <translation>Other side&apos;s version</translation>
    </message>
    <message>
        <source>数据冲突（{n}）</source>
        <translation>Data conflicts ({n})</translation>
    </message>
    <message>
        <source>新增 {new}，更新 {updated}，删除 {deleted}，冲突 {conflicts}，跳过 {skipped}</source>
        <translation>{new} new, {updated} updated, {deleted} deleted, {conflicts} conflicts, {skipped} skipped</translation>
    </message>
    <message>
        <source>{n} 张表</source>
        <translation>{n} table(s)</translation>
    </message>
    <message>
        <source>发出</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>收到</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>“确认到”：该数据包确认已收到对方变更日志的序号</source>
        <translation>“Acknowledged up to”: the number in the other side&apos;s change log up to which this data package confirms receipt</translation>
    </message>
</context>
<context>
    <name>FacePicker</name>
    <message>
        <source>自动（{face}）</source>
        <translation>Automatic ({face})</translation>
    </message>
    <message>
        <source>程序自带：{face}</source>
        <translation>Shipped with the program: {face}</translation>
    </message>
    <message>
        <source>其他字体文件…</source>
        <translation>Other font file…</translation>
    </message>
    <message>
        <source>选择字体文件</source>
        <translation>Choose a font file</translation>
    </message>
    <message>
        <source>TrueType 字体 (*.ttf *.ttc *.TTF *.TTC)</source>
        <translation>TrueType fonts (*.ttf *.ttc *.TTF *.TTC)</translation>
    </message>
    <message>
        <source>找不到字体文件</source>
        <translation>The font file cannot be found</translation>
    </message>
    <message>
        <source>不能用于打印，将改用程序自带字体：{reason}</source>
        <translation>Cannot be used for printing; the font shipped with the program is used instead: {reason}</translation>
    </message>
</context>
<context>
    <name>FigureTableModel</name>
    <message>
        <source>双击或按回车查看明细</source>
        <translation>Double-click or press Enter to see the records</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
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
    <name>FormMappingDialog</name>
    <message>
        <source>四种形态对应</source>
        <translation>Four forms mapping</translation>
    </message>
    <message>
        <source>各处理方式计入四种形态中的哪一种。默认按通行的统计口径；本县口径不同的，在“形态”列中修改后保存。修改记入审计日志，统计按现行对应关系计算，并随数据包发往各单位。</source>
        <translation>Which of the four forms each measure counts in. The default follows the common counting convention; where this county counts otherwise, change the “Form” column and save. Changes are recorded in the audit log, statistics count by the mapping in force, and data packages carry it to every unit.</translation>
    </message>
    <message>
        <source>四种形态的对应关系由县纪委监委统一设置，本机只能查看。</source>
        <translation>The four forms mapping is set by the county commission for every installation; it can only be viewed here.</translation>
    </message>
    <message>
        <source>只有单位管理员可以修改四种形态的对应关系，当前用户只能查看。</source>
        <translation>Only a unit administrator can change the four forms mapping; the current user can only view it.</translation>
    </message>
    <message>
        <source>处理类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>处理方式</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>形态</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>默认</source>
        <translation>Default</translation>
    </message>
    <message>
        <source>四种形态对应关系</source>
        <translation>Four forms mapping</translation>
    </message>
    <message>
        <source>恢复默认…</source>
        <translation>Restore defaults…</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>已调整（默认：{form}）</source>
        <translation>Changed (default: {form})</translation>
    </message>
    <message>
        <source>{kind}（{measure}）计入的形态</source>
        <translation>Form that {kind} ({measure}) counts in</translation>
    </message>
    <message>
        <source>（默认）</source>
        <translation>(default)</translation>
    </message>
    <message>
        <source>已保存 {n} 项修改。</source>
        <translation>Saved {n} change(s).</translation>
    </message>
    <message>
        <source>恢复默认</source>
        <translation>Restore defaults</translation>
    </message>
    <message>
        <source>把全部处理方式恢复为默认的四种形态对应关系吗？本县所作的调整将被取消。</source>
        <translation>Restore the default four forms mapping for every measure? The county&apos;s changes will be undone.</translation>
    </message>
    <message>
        <source>已恢复为默认的对应关系。</source>
        <translation>The default mapping has been restored.</translation>
    </message>
    <message>
        <source>放弃修改？</source>
        <translation>Discard changes?</translation>
    </message>
    <message>
        <source>修改的对应关系还没有保存。确定要放弃吗？</source>
        <translation>The changed mapping has not been saved. Discard the changes?</translation>
    </message>
    <message>
        <source>放弃修改</source>
        <translation>Discard changes</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>使用手册 — 基层纪检监察工作台</source>
        <translation>User manual — Jiwei Desk</translation>
    </message>
    <message>
        <source>目录(&amp;C)</source>
        <translation>&amp;Contents</translation>
    </message>
    <message>
        <source>后退(&amp;B)</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <source>前进(&amp;N)</source>
        <translation>&amp;Forward</translation>
    </message>
    <message>
        <source>在手册中查找（回车找下一处）</source>
        <translation>Find in the manual (Enter finds the next)</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>manual_zh_CN.html</source>
        <translation>manual_en.html</translation>
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
    <name>HomePage</name>
    <message>
        <source>工作台</source>
        <translation>Desk</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>期限提醒：{n} 天内到期和已超期的事项（按承办人）</source>
        <translation>Deadlines: matters due within {n} days or overdue (by handler)</translation>
    </message>
    <message>
        <source>承办人 / 事项</source>
        <translation>Handler / matter</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>被反映人</source>
        <translation>Person reported on</translation>
    </message>
    <message>
        <source>办理环节</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>承办单位</source>
        <translation>Handling unit</translation>
    </message>
    <message>
        <source>期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>剩余</source>
        <translation>Remaining</translation>
    </message>
    <message>
        <source>期限提醒</source>
        <translation>Deadline reminders</translation>
    </message>
    <message>
        <source>没有 7 天内到期或已超期的事项。</source>
        <translation>No matters due within 7 days or overdue.</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>村（社区）/ 被监督单位</source>
        <translation>Village (community) / supervised unit</translation>
    </message>
    <message>
        <source>安排日期</source>
        <translation>Planned date</translation>
    </message>
    <message>
        <source>本季度未驻村（驻在）</source>
        <translation>No residency visit this quarter</translation>
    </message>
    <message>
        <source>双击打开已安排的驻村记录，或打开覆盖情况安排驻村</source>
        <translation>Double-click to open the planned residency record, or open the coverage view to plan a visit</translation>
    </message>
    <message>
        <source>履职要求：本期尚未完成和上期缺项</source>
        <translation>Frequency rules: not yet done this period, missed last period</translation>
    </message>
    <message>
        <source>要求 / 对象</source>
        <translation>Rule / who</translation>
    </message>
    <message>
        <source>期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>情况</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>履职要求</source>
        <translation>Frequency rules</translation>
    </message>
    <message>
        <source>双击打开履职覆盖</source>
        <translation>Double-click to open duty coverage</translation>
    </message>
    <message>
        <source>已超期 {overdue} 项，{n} 天内到期 {soon} 项。</source>
        <translation>Overdue: {overdue}. Due within {n} days: {soon}.</translation>
    </message>
    <message>
        <source>{handler}（{n} 项，超期 {late} 项）</source>
        <translation>{handler} ({n} item(s), {late} overdue)</translation>
    </message>
    <message>
        <source>未指定承办人</source>
        <translation>No handler assigned</translation>
    </message>
    <message>
        <source>已超期 {n} 天</source>
        <translation>{n} day(s) overdue</translation>
    </message>
    <message>
        <source>今天到期</source>
        <translation>Due today</translation>
    </message>
    <message>
        <source>还有 {n} 天</source>
        <translation>{n} day(s) left</translation>
    </message>
    <message>
        <source>本季度未驻村（驻在）：{quarter}，{villages} 个村（社区）、{units} 个被监督单位</source>
        <translation>No residency visit this quarter ({quarter}): {villages} villages (communities), {units} supervised units</translation>
    </message>
    <message>
        <source>未安排</source>
        <translation>Not planned</translation>
    </message>
    <message>
        <source>{day}（已过，未驻）</source>
        <translation>{day} (passed, not visited)</translation>
    </message>
    <message>
        <source>尚未完成</source>
        <translation>Not yet done</translation>
    </message>
    <message>
        <source>缺</source>
        <translation>Missed</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>从 Excel 导入：{title}</source>
        <translation>Import from Excel: {title}</translation>
    </message>
    <message>
        <source>正在读取 {name}…</source>
        <translation>Reading {name}…</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>从 Excel 导入</source>
        <translation>Import from Excel</translation>
    </message>
    <message>
        <source>正在检查 {name}…</source>
        <translation>Checking {name}…</translation>
    </message>
    <message>
        <source>已取消，没有导入任何记录。</source>
        <translation>Cancelled; no record was imported.</translation>
    </message>
    <message>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>表中没有可导入的行。</source>
        <translation>The sheet has no rows to import.</translation>
    </message>
    <message>
        <source>共 {n} 行，其中 {bad} 行有错误（标红）。改正 Excel 文件后重新导入；有错误时一条也不保存。</source>
        <translation>{n} rows, {bad} of them with errors (in red). Correct the Excel file and import it again; while any row has an error, none is saved.</translation>
    </message>
    <message>
        <source>共 {n} 行，检查通过：新增 {created} 条、更新 {updated} 条。点击“导入”保存。</source>
        <translation>{n} rows checked: {created} new, {updated} updated. Click “Import” to save them.</translation>
    </message>
    <message>
        <source>正在导入 {n} 行…</source>
        <translation>Importing {n} rows…</translation>
    </message>
    <message>
        <source>已导入：新增 {created} 条、更新 {updated} 条，其中 {steps} 条以“历史台账导入”进入后续状态。</source>
        <translation>Imported: {created} new, {updated} updated; {steps} of them entered a later state through “Imported from an old ledger”.</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>IntegrityPage</name>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>工作单位</source>
        <translation>Work unit</translation>
    </message>
    <message>
        <source>职务</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>回复意见</source>
        <translation>Reply</translation>
    </message>
    <message>
        <source>回复(&amp;R)…</source>
        <translation>&amp;Reply…</translation>
    </message>
    <message>
        <source>拟无问题的一并回复</source>
        <translation>Reply to all proposed “no issues”</translation>
    </message>
    <message>
        <source>复函(&amp;L)</source>
        <translation>Reply &amp;letter</translation>
    </message>
    <message>
        <source>按公文格式出具所选来函的廉政意见回复函：预览打印，或保存为 Word 文档</source>
        <translation>Issue the integrity-opinion reply letter to the selected request in the official document layout: preview and print, or save as a Word document</translation>
    </message>
    <message>
        <source>预览并打印复函…</source>
        <translation>Preview and print the reply letter…</translation>
    </message>
    <message>
        <source>保存复函为 .docx…</source>
        <translation>Save the reply letter as .docx…</translation>
    </message>
    <message>
        <source>签发人</source>
        <translation>Signed by</translation>
    </message>
    <message>
        <source>来函：</source>
        <translation>Request:</translation>
    </message>
    <message>
        <source>身份证号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>查询(&amp;S)</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Matter</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>状态或期限</source>
        <translation>Status or period</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>拟：{p}</source>
        <translation>Proposed: {p}</translation>
    </message>
    <message>
        <source>待回复</source>
        <translation>Awaiting reply</translation>
    </message>
    <message>
        <source>已回复</source>
        <translation>Replied</translation>
    </message>
    <message>
        <source>拟无问题的一并回复（{n}）</source>
        <translation>Reply to all proposed “no issues” ({n})</translation>
    </message>
    <message>
        <source>截至 {day}，拟回复：{answer}</source>
        <translation>As of {day}, proposed reply: {answer}</translation>
    </message>
    <message>
        <source>认定为此人的人员</source>
        <translation>People taken as this person</translation>
    </message>
    <message>
        <source>同名人员（其他单位，请核对）</source>
        <translation>Namesakes (other units, please check)</translation>
    </message>
    <message>
        <source>未办结的问题线索</source>
        <translation>Open clues</translation>
    </message>
    <message>
        <source>正在审查调查的案件</source>
        <translation>Cases under investigation</translation>
    </message>
    <message>
        <source>影响期内的处理</source>
        <translation>Measures in their period of effect</translation>
    </message>
    <message>
        <source>已了结的线索和已结案的案件</source>
        <translation>Closed clues and concluded cases</translation>
    </message>
    <message>
        <source>影响期已满或无影响期的处理</source>
        <translation>Measures past or without a period of effect</translation>
    </message>
    <message>
        <source>无期限</source>
        <translation>Without end</translation>
    </message>
    <message>
        <source>无影响期</source>
        <translation>No period of effect</translation>
    </message>
    <message>
        <source>影响期至 {day}</source>
        <translation>Effect until {day}</translation>
    </message>
</context>
<context>
    <name>LessonTools</name>
    <message>
        <source>生成签到名单</source>
        <translation>Take the roll</translation>
    </message>
    <message>
        <source>把本单位在岗人员登记为选中课程的出勤人员，再逐个标出缺课</source>
        <translation>Enter the unit&apos;s staff in post as present at the selected lesson, then mark the absences one by one</translation>
    </message>
    <message>
        <source>已登记 {n} 名在岗人员出勤，缺课的请在「每月一课签到」中标出。</source>
        <translation>{n} staff in post entered as present; mark the absences in “Monthly lesson attendance”.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>为保护数据，程序已锁定。输入密码后回到锁定前的画面，已填写的内容不会丢失。</source>
        <translation>The program is locked to protect the data. Enter your password to return to where you were; nothing you have entered will be lost.</translation>
    </message>
</context>
<context>
    <name>LoginPanel</name>
    <message>
        <source>基层纪检监察工作台</source>
        <translation>Jiwei Desk</translation>
    </message>
    <message>
        <source>请输入用户名和密码。</source>
        <translation>Please enter your user name and password.</translation>
    </message>
    <message>
        <source>用户名(&amp;U)</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <source>密码(&amp;P)</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Exit</translation>
    </message>
    <message>
        <source>忘记密码…</source>
        <translation>Forgotten password…</translation>
    </message>
    <message>
        <source>用设置时打印的恢复密钥为账号设置新密码</source>
        <translation>Give an account a new password with the recovery key printed at set-up</translation>
    </message>
    <message>
        <source>从备份恢复…</source>
        <translation>Restore from backup…</translation>
    </message>
    <message>
        <source>数据损坏或丢失时，用备份文件恢复（现有文件先移到一旁，不删除）</source>
        <translation>If the data is damaged or lost, restore it from a backup file (the current files are moved aside, not deleted)</translation>
    </message>
    <message>
        <source>本机数据库已按新版本的要求加密。</source>
        <translation>The database on this computer has been encrypted, as the new version requires.</translation>
    </message>
    <message>
        <source>继续</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>请先勾选“我已抄写或打印并妥善保管恢复密钥”</source>
        <translation>Please tick “I have written down or printed the recovery key and stored it safely” first</translation>
    </message>
    <message>
        <source>{unit} · 数据文件夹：{folder}</source>
        <translation>{unit} · data folder: {folder}</translation>
    </message>
    <message>
        <source>数据文件夹：{folder}</source>
        <translation>Data folder: {folder}</translation>
    </message>
    <message>
        <source>请输入用户名。</source>
        <translation>Please enter your user name.</translation>
    </message>
    <message>
        <source>请输入密码。</source>
        <translation>Please enter your password.</translation>
    </message>
    <message>
        <source>正在验证密码…</source>
        <translation>Checking the password…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>基层纪检监察工作台 — {unit}</source>
        <translation>Jiwei Desk — {unit}</translation>
    </message>
    <message>
        <source>数据库已升级</source>
        <translation>Database upgraded</translation>
    </message>
    <message>
        <source>工作台</source>
        <translation>Desk</translation>
    </message>
    <message>
        <source>编制配备汇总</source>
        <translation>Staffing summary</translation>
    </message>
    <message>
        <source>廉政意见查询与回复</source>
        <translation>Integrity opinions: search and reply</translation>
    </message>
    <message>
        <source>统计分析</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <source>驻村（驻在）覆盖</source>
        <translation>Residency coverage</translation>
    </message>
    <message>
        <source>履职覆盖</source>
        <translation>Duty coverage</translation>
    </message>
    <message>
        <source>用户管理</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>审计日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>数据交换</source>
        <translation>Data exchange</translation>
    </message>
    <message>
        <source>系统管理</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>这一步需由管理员完成。</source>
        <translation>An administrator has to do this step.</translation>
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
        <source>锁定(&amp;L)</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <source>离开电脑时锁定程序，回来后输入密码继续</source>
        <translation>Lock the program when you leave the computer; enter your password to continue when you are back</translation>
    </message>
    <message>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>系统管理(&amp;M)</source>
        <translation>&amp;Administration</translation>
    </message>
    <message>
        <source>用户管理(&amp;U)</source>
        <translation>&amp;Users</translation>
    </message>
    <message>
        <source>审计日志(&amp;A)</source>
        <translation>&amp;Audit log</translation>
    </message>
    <message>
        <source>四种形态对应(&amp;F)…</source>
        <translation>&amp;Four forms mapping…</translation>
    </message>
    <message>
        <source>备份(&amp;B)…</source>
        <translation>&amp;Backup…</translation>
    </message>
    <message>
        <source>新的恢复密钥(&amp;R)…</source>
        <translation>New &amp;recovery key…</translation>
    </message>
    <message>
        <source>修改密码(&amp;P)…</source>
        <translation>Change &amp;password…</translation>
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
        <source>使用手册(&amp;M)</source>
        <translation>User &amp;manual</translation>
    </message>
    <message>
        <source>打开使用手册，翻到当前页面的说明</source>
        <translation>Open the user manual at the part about the current page</translation>
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
        <source>用户：{user}（{role}）</source>
        <translation>User: {user} ({role})</translation>
    </message>
    <message>
        <source>自动备份</source>
        <translation>Automatic backup</translation>
    </message>
    <message>
        <source>正在自动备份，完成后退出…</source>
        <translation>Making the automatic backup; the program will close when it is done…</translation>
    </message>
    <message>
        <source>退出时的自动备份没有完成：{reason}
程序仍将退出。下次请在“系统管理 → 备份”中手动备份。</source>
        <translation>The automatic backup at exit did not finish: {reason}
The program will still close. Next time, make a backup by hand under “Administration → Backup”.</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Exit</translation>
    </message>
    <message>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <source>登录 — 基层纪检监察工作台</source>
        <translation>Log in — Jiwei Desk</translation>
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
</context>
<context>
    <name>NewPassword</name>
    <message>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>再输入一次新密码</source>
        <translation>New password again</translation>
    </message>
    <message>
        <source>至少 {n} 位，须同时包含字母和数字（或符号）。</source>
        <translation>At least {n} characters, with letters and digits (or symbols).</translation>
    </message>
    <message>
        <source>新密码(&amp;N)</source>
        <translation>&amp;New password</translation>
    </message>
    <message>
        <source>确认新密码(&amp;R)</source>
        <translation>&amp;Repeat new password</translation>
    </message>
    <message>
        <source>请填写新密码。</source>
        <translation>Please enter the new password.</translation>
    </message>
    <message>
        <source>两次输入的新密码不一致。</source>
        <translation>The two new passwords differ.</translation>
    </message>
</context>
<context>
    <name>NewRecoveryKeyDialog</name>
    <message>
        <source>新的恢复密钥</source>
        <translation>New recovery key</translation>
    </message>
    <message>
        <source>生成新的恢复密钥后，旧的恢复密钥就不能再打开本机的数据；但以前制作的备份文件仍能用旧密钥打开。
新密钥只显示一次，请抄写或保存为 PDF 打印后锁进保密柜，并销毁旧的密钥单。</source>
        <translation>Once a new recovery key is made, the old one no longer opens the data on this computer; backups made before can still be opened with the old key.
The new key is shown only once: write it down or save it as a PDF, print it and lock it in the safe, and destroy the old key sheet.</translation>
    </message>
    <message>
        <source>生成新的恢复密钥(&amp;G)</source>
        <translation>&amp;Generate a new recovery key</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>正在生成…</source>
        <translation>Generating…</translation>
    </message>
</context>
<context>
    <name>NewUserDialog</name>
    <message>
        <source>新增用户</source>
        <translation>New user</translation>
    </message>
    <message>
        <source>登录用，字母、数字和 . _ -</source>
        <translation>For logging in: letters, digits and . _ -</translation>
    </message>
    <message>
        <source>用户名(&amp;U)</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <source>姓名(&amp;M)</source>
        <translation>Full na&amp;me</translation>
    </message>
    <message>
        <source>角色(&amp;J)</source>
        <translation>R&amp;ole</translation>
    </message>
    <message>
        <source>用户名只能用字母、数字和 . _ -，2 到 64 位。</source>
        <translation>The user name may contain only letters, digits and . _ -, 2 to 64 characters.</translation>
    </message>
    <message>
        <source>请选择角色。</source>
        <translation>Please choose a role.</translation>
    </message>
</context>
<context>
    <name>OfficialDocs</name>
    <message>
        <source>该记录已不存在，可能已被删除。请刷新列表后重试。</source>
        <translation>The record no longer exists; it may have been deleted. Refresh the list and try again.</translation>
    </message>
    <message>
        <source>保存为 Word 文档</source>
        <translation>Save as Word document</translation>
    </message>
    <message>
        <source>通报</source>
        <translation>Circulated notice</translation>
    </message>
    <message>
        <source>导出通报</source>
        <translation>Export circular</translation>
    </message>
    <message>
        <source>廉政意见回复函</source>
        <translation>Integrity opinion reply letter</translation>
    </message>
    <message>
        <source>导出廉政意见回复函</source>
        <translation>Export integrity opinion reply letter</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>用户</source>
        <translation>User</translation>
    </message>
</context>
<context>
    <name>PasswordPair</name>
    <message>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>再输入一次新密码</source>
        <translation>New password again</translation>
    </message>
    <message>
        <source>新密码(&amp;N)</source>
        <translation>&amp;New password</translation>
    </message>
    <message>
        <source>确认新密码(&amp;R)</source>
        <translation>&amp;Repeat new password</translation>
    </message>
    <message>
        <source>请填写新密码。</source>
        <translation>Please enter the new password.</translation>
    </message>
    <message>
        <source>两次输入的新密码不一致。</source>
        <translation>The two new passwords differ.</translation>
    </message>
</context>
<context>
    <name>PasswordPrompt</name>
    <message>
        <source>连续输错密码，请 {n} 秒后再试。</source>
        <translation>Too many wrong passwords. Please try again in {n} seconds.</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>正在生成…</source>
        <translation>Generating…</translation>
    </message>
    <message>
        <source>整页</source>
        <translation>Whole page</translation>
    </message>
    <message>
        <source>在整页显示和适合宽度之间切换</source>
        <translation>Switch between showing the whole page and fitting the width</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>保存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>把这份文件另存到其他位置（例如 U 盘）</source>
        <translation>Save a copy of this document elsewhere (a USB drive, for example)</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>正在生成 PDF…</source>
        <translation>Creating the PDF…</translation>
    </message>
    <message>
        <source>生成失败。</source>
        <translation>Could not create the document.</translation>
    </message>
    <message>
        <source>无法打开生成的 PDF。</source>
        <translation>Cannot open the PDF that was created.</translation>
    </message>
    <message>
        <source>共 {n} 页</source>
        <translation>Pages: {n}</translation>
    </message>
    <message>
        <source>保存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>已保存到 {path}</source>
        <translation>Saved to {path}</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>无法开始打印，请检查打印机。</source>
        <translation>Printing could not start. Please check the printer.</translation>
    </message>
    <message>
        <source>已发送 {n} 页到打印机</source>
        <translation>{n} page(s) sent to the printer</translation>
    </message>
</context>
<context>
    <name>PersonRecordDialog</name>
    <message>
        <source>查看这一天处分期（影响期）内的处理</source>
        <translation>Show the measures whose sanction or effect period runs on this day</translation>
    </message>
    <message>
        <source>截至(&amp;D)：</source>
        <translation>As of (&amp;D):</translation>
    </message>
    <message>
        <source>今天</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>在案记录</source>
        <translation>Records on file</translation>
    </message>
    <message>
        <source>双击或按回车打开记录</source>
        <translation>Double-click or press Enter to open a record</translation>
    </message>
    <message>
        <source>打开记录</source>
        <translation>Open record</translation>
    </message>
    <message>
        <source>打开选中的记录（回车）</source>
        <translation>Open the selected record (Enter)</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>人员库中没有这个人员，或已被删除。</source>
        <translation>This person is not in the person register, or has been deleted.</translation>
    </message>
    <message>
        <source>人员档案</source>
        <translation>Person&apos;s record</translation>
    </message>
    <message>
        <source>人员档案 — {name}</source>
        <translation>Person&apos;s record — {name}</translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <source>{name}（{where}）</source>
        <translation>{name} ({where})</translation>
    </message>
    <message>
        <source>中共党员：{yes}</source>
        <translation>Party member: {yes}</translation>
    </message>
    <message>
        <source>监察对象：{category}</source>
        <translation>Person under supervision: {category}</translation>
    </message>
    <message>
        <source>管理权限</source>
        <translation>Managed by</translation>
    </message>
    <message>
        <source>职级</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>所在村（社区）</source>
        <translation>Village (community)</translation>
    </message>
    <message>
        <source>{label}：{value}</source>
        <translation>{label}: {value}</translation>
    </message>
    <message>
        <source>身份证号码：已登记</source>
        <translation>ID number: on file</translation>
    </message>
    <message>
        <source>身份证号码：未登记</source>
        <translation>ID number: not on file</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>人员库中可能还有同一人的记录，请核对（程序不会合并）：{people}</source>
        <translation>The person register may hold this person more than once; please check (the program never merges them): {people}</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>{measure}，{decided} 决定，{until}</source>
        <translation>{measure}, decided {decided}, {until}</translation>
    </message>
    <message>
        <source>截至 {on}，处分期（影响期）内的处理 {n} 项：</source>
        <translation>As of {on}, measures within their sanction or effect period: {n}</translation>
    </message>
    <message>
        <source>截至 {on}，没有处分期（影响期）内的处理。</source>
        <translation>As of {on}, no measure is within its sanction or effect period.</translation>
    </message>
    <message>
        <source>人员库中没有关于此人的在案记录。</source>
        <translation> Nothing is on record about this person.</translation>
    </message>
    <message>
        <source>无期限</source>
        <translation>without end</translation>
    </message>
    <message>
        <source>至 {date}</source>
        <translation>until {date}</translation>
    </message>
    <message>
        <source>{kind}（{measure}）</source>
        <translation>{kind} ({measure})</translation>
    </message>
    <message>
        <source>{title}（{n}）</source>
        <translation>{title} ({n})</translation>
    </message>
    <message>
        <source>{title}（无）</source>
        <translation>{title} (none)</translation>
    </message>
    <message>
        <source>（无编号）</source>
        <translation>(no number)</translation>
    </message>
    <message>
        <source>处置：{disposal}</source>
        <translation>disposal: {disposal}</translation>
    </message>
    <message>
        <source>尚未处置</source>
        <translation>not yet disposed of</translation>
    </message>
    <message>
        <source>线索 {number}</source>
        <translation>clue {number}</translation>
    </message>
    <message>
        <source>{kind}（{clue}）</source>
        <translation>{kind} ({clue})</translation>
    </message>
    <message>
        <source>结案 {date}</source>
        <translation>concluded {date}</translation>
    </message>
    <message>
        <source>案件 {number}</source>
        <translation>case {number}</translation>
    </message>
    <message>
        <source>处分期内（无期限）</source>
        <translation>In force (without end)</translation>
    </message>
    <message>
        <source>处分期内，至 {date}</source>
        <translation>In force until {date}</translation>
    </message>
    <message>
        <source>无处分期</source>
        <translation>No period</translation>
    </message>
    <message>
        <source>截至当日尚未决定</source>
        <translation>Not yet decided on that day</translation>
    </message>
    <message>
        <source>已期满（{date}）</source>
        <translation>Run out ({date})</translation>
    </message>
</context>
<context>
    <name>PersonTools</name>
    <message>
        <source>查看档案</source>
        <translation>Person&apos;s record</translation>
    </message>
    <message>
        <source>查看选中人员的档案：在案的全部记录和处分期内的处理</source>
        <translation>Show the selected person&apos;s record: everything on file and the measures in force</translation>
    </message>
    <message>
        <source>查看人员档案</source>
        <translation>Person&apos;s record</translation>
    </message>
    <message>
        <source>查看选中记录所涉人员的档案</source>
        <translation>Show the record of the person the selected record is about</translation>
    </message>
    <message>
        <source>这条记录没有关联人员库中的人员。</source>
        <translation>This record names no person of the person register.</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>生成季度计划</source>
        <translation>Generate a quarter plan</translation>
    </message>
    <message>
        <source>季度</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>季度：</source>
        <translation>Quarter:</translation>
    </message>
    <message>
        <source>单位：</source>
        <translation>Unit:</translation>
    </message>
    <message>
        <source>计划安排</source>
        <translation>Planned visits</translation>
    </message>
    <message>
        <source>村（社区）/ 被监督单位</source>
        <translation>Village (community) / supervised unit</translation>
    </message>
    <message>
        <source>安排日期</source>
        <translation>Planned date</translation>
    </message>
    <message>
        <source>主办人</source>
        <translation>Lead handler</translation>
    </message>
    <message>
        <source>协办人</source>
        <translation>Assisting handler</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>删除选中行</source>
        <translation>Remove selected rows</translation>
    </message>
    <message>
        <source>不安排选中的村（社区），从计划中去掉（Del）</source>
        <translation>Leave the selected villages (communities) out of the plan (Del)</translation>
    </message>
    <message>
        <source>日历</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <source>一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>六</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>日</source>
        <translation>Sun</translation>
    </message>
    <message>
        <source>日历（每天安排的次数和地点）</source>
        <translation>Calendar (visits and places planned each day)</translation>
    </message>
    <message>
        <source>保存计划</source>
        <translation>Save plan</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>没有可安排驻村（驻在）的单位。</source>
        <translation>There is no unit that can plan residency visits.</translation>
    </message>
    <message>
        <source>这个季度每个村（社区）或被监督单位都已安排，无需再生成。</source>
        <translation>Every village (community) and supervised unit already has a visit planned this quarter; there is nothing to generate.</translation>
    </message>
    <message>
        <source>{target}的安排日期</source>
        <translation>Planned date for {target}</translation>
    </message>
    <message>
        <source>（未定）</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <source>共 {n} 处</source>
        <translation>Places: {n}</translation>
    </message>
    <message>
        <source>第{n}周</source>
        <translation>Week {n}</translation>
    </message>
    <message>
        <source>休</source>
        <translation>off</translation>
    </message>
    <message>
        <source>{name}放假</source>
        <translation>{name} (holiday)</translation>
    </message>
    <message>
        <source>放假</source>
        <translation>Holiday</translation>
    </message>
    <message>
        <source>班</source>
        <translation>work</translation>
    </message>
    <message>
        <source>{name}调休上班</source>
        <translation>{name} (adjusted working day)</translation>
    </message>
    <message>
        <source>调休上班</source>
        <translation>Adjusted working day</translation>
    </message>
    <message>
        <source>{n} 处</source>
        <translation>{n} places</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>计划没有保存：{targets}的主办人和协办人是同一人。</source>
        <translation>The plan was not saved: the lead and the assisting handler are the same person for {targets}.</translation>
    </message>
    <message>
        <source>计划没有保存：{reason}</source>
        <translation>The plan was not saved: {reason}</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>PrintActions</name>
    <message>
        <source>空白记录表</source>
        <translation>Blank record forms</translation>
    </message>
    <message>
        <source>驻村（驻在）监督工作记录表</source>
        <translation>Village residency supervision record form</translation>
    </message>
    <message>
        <source>{quarter} 没有已安排或已完成的驻村（驻在）监督。</source>
        <translation>{quarter} has no planned or completed residency visits.</translation>
    </message>
    <message>
        <source>每月一课签到表</source>
        <translation>Monthly lesson sign-in sheet</translation>
    </message>
    <message>
        <source>打印问题线索登记表</source>
        <translation>Print problem lead register forms</translation>
    </message>
    <message>
        <source>问题线索登记表</source>
        <translation>Problem lead register form</translation>
    </message>
    <message>
        <source>预览并打印所选线索的登记表，每条线索一页</source>
        <translation>Preview and print the register form of the selected leads, one page per lead</translation>
    </message>
    <message>
        <source>打印线索处置呈批表</source>
        <translation>Print lead disposal approval forms</translation>
    </message>
    <message>
        <source>线索处置呈批表</source>
        <translation>Lead disposal approval form</translation>
    </message>
    <message>
        <source>预览并打印所选线索的处置呈批表，每条线索一页</source>
        <translation>Preview and print the disposal approval form of the selected leads, one page per lead</translation>
    </message>
    <message>
        <source>打印选中的记录表</source>
        <translation>Print the selected record forms</translation>
    </message>
    <message>
        <source>预览并打印所选驻村（驻在）的记录表，已录入的内容一并印出，每次一页</source>
        <translation>Preview and print the record forms of the selected visits with what has been entered, one page per visit</translation>
    </message>
    <message>
        <source>打印选中的空白记录表</source>
        <translation>Print the selected blank record forms</translation>
    </message>
    <message>
        <source>预览并打印所选驻村（驻在）的空白记录表，带去现场手填，每次一页</source>
        <translation>Preview and print blank record forms of the selected visits to fill in by hand on site, one page per visit</translation>
    </message>
    <message>
        <source>打印本季度全部记录表</source>
        <translation>Print all record forms of the quarter</translation>
    </message>
    <message>
        <source>预览并打印所选记录所在季度（未选时为本季度）已安排的全部记录表</source>
        <translation>Preview and print every planned record form of the selected record&apos;s quarter (this quarter when none is selected)</translation>
    </message>
    <message>
        <source>打印签到表</source>
        <translation>Print sign-in sheet</translation>
    </message>
    <message>
        <source>预览并打印所选课程的签到表：已登记出勤的按登记印出，未登记的印出本单位在岗人员</source>
        <translation>Preview and print the sign-in sheet of the selected lesson: attendance as recorded, or the unit&apos;s serving staff when none is recorded</translation>
    </message>
    <message>
        <source>打印通报</source>
        <translation>Print circular</translation>
    </message>
    <message>
        <source>按公文格式预览并打印所选通报（第一条）</source>
        <translation>Preview and print the selected circular (the first one) in the official document layout</translation>
    </message>
    <message>
        <source>导出通报 .docx…</source>
        <translation>Export circular as .docx…</translation>
    </message>
    <message>
        <source>将所选通报（第一条）按公文格式保存为 Word 文档，供修改后印发</source>
        <translation>Save the selected circular (the first one) as a Word document in the official layout, to edit before it is issued</translation>
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
        <source>由办理环节设定，不能直接修改。</source>
        <translation>Set by the workflow steps; it cannot be changed directly.</translation>
    </message>
    <message>
        <source>敏感信息：加密保存，打开查看会记入审计日志。</source>
        <translation>Sensitive information: stored encrypted; viewing it is recorded in the audit log.</translation>
    </message>
    <message>
        <source>敏感信息：您的角色无权查看或填写。</source>
        <translation>Sensitive information: your role may not view or enter it.</translation>
    </message>
    <message>
        <source>受限，无权查看</source>
        <translation>Restricted: you may not view this</translation>
    </message>
    <message>
        <source>（已删除或不可选的记录）</source>
        <translation>(deleted or unavailable record)</translation>
    </message>
    <message>
        <source>请注意</source>
        <translation>Please note</translation>
    </message>
    <message>
        <source>保存前请确认：

{warnings}

仍要保存吗？</source>
        <translation>Please check before saving:

{warnings}

Save anyway?</translation>
    </message>
    <message>
        <source>仍然保存</source>
        <translation>Save anyway</translation>
    </message>
    <message>
        <source>返回修改</source>
        <translation>Go back and edit</translation>
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
        <source>您的角色只能查看，不能修改。</source>
        <translation>Your role can view records but not change them.</translation>
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
        <source>保存并关闭（回车；多行文字中按 Ctrl+Enter；Ctrl+S）</source>
        <translation>Save and close (Enter; Ctrl+Enter in multi-line text; Ctrl+S)</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>查看档案</source>
        <translation>Person&apos;s record</translation>
    </message>
    <message>
        <source>查看人员档案</source>
        <translation>Person&apos;s record</translation>
    </message>
    <message>
        <source>在案的全部记录和处分期内的处理（Ctrl+I）</source>
        <translation>Everything on record and the measures in force (Ctrl+I)</translation>
    </message>
    <message>
        <source>新建…</source>
        <translation>New…</translation>
    </message>
    <message>
        <source>人员库中还没有这个人：新建一条人员记录并选中它</source>
        <translation>The person is not in the register yet: add them and choose them</translation>
    </message>
    <message>
        <source>新建人员 — {title}</source>
        <translation>New person — {title}</translation>
    </message>
    <message>
        <source>办理记录（全程留痕）</source>
        <translation>Handling history (full record)</translation>
    </message>
    <message>
        <source>办理…</source>
        <translation>Next step…</translation>
    </message>
    <message>
        <source>按办理流程进入下一环节（Ctrl+J）</source>
        <translation>Move on to the next step of the procedure (Ctrl+J)</translation>
    </message>
    <message>
        <source>（敏感）</source>
        <translation> (sensitive)</translation>
    </message>
    <message>
        <source>密级：{level}</source>
        <translation>Classification: {level}</translation>
    </message>
    <message>
        <source>知悉范围：{names}</source>
        <translation>Need-to-know list: {names}</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>。请按保密规定处理。</source>
        <translation>. Handle it according to the secrecy rules.</translation>
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
    <name>RecoverDialog</name>
    <message>
        <source>用恢复密钥重设密码</source>
        <translation>Reset a password with the recovery key</translation>
    </message>
    <message>
        <source>所有能打开数据的密码都忘记时，用设置时打印的恢复密钥为一个账号设置新密码。用过之后，请由管理员生成新的恢复密钥。</source>
        <translation>When every password that opens the data is forgotten, the recovery key printed at set-up gives an account a new password. Afterwards an administrator should make a new recovery key.</translation>
    </message>
    <message>
        <source>用户名(&amp;U)</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <source>恢复密钥(&amp;K)</source>
        <translation>Recovery &amp;key</translation>
    </message>
    <message>
        <source>重设密码并登录</source>
        <translation>Reset password and log in</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>请填写用户名和恢复密钥。</source>
        <translation>Please enter the user name and the recovery key.</translation>
    </message>
    <message>
        <source>正在重设密码…</source>
        <translation>Resetting the password…</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyPage</name>
    <message>
        <source>恢复密钥</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <source>这是本机数据的恢复密钥。所有人的密码都忘记时，只有它能打开数据。
它只显示这一次：请抄写在纸上或保存为 PDF 打印出来，锁进保密柜；不要把它留在这台电脑上。</source>
        <translation>This is the recovery key for the data on this computer. If everyone&apos;s password is forgotten, only this key can open the data.
It is shown only this once: write it down on paper, or save it as a PDF and print it, and lock it in the safe. Do not leave it on this computer.</translation>
    </message>
    <message>
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>把恢复密钥复制到剪贴板</source>
        <translation>Copy the recovery key to the clipboard</translation>
    </message>
    <message>
        <source>保存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>保存一页可打印的恢复密钥（含二维码），建议存到 U 盘后打印</source>
        <translation>Save a printable page with the recovery key (and a QR code); best saved to a USB drive and printed from there</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>预览并打印恢复密钥页（含二维码），不在电脑上留下文件</source>
        <translation>Preview and print the recovery key sheet (with QR code) without leaving a file on this computer</translation>
    </message>
    <message>
        <source>我已抄写或打印并妥善保管恢复密钥</source>
        <translation>I have written down or printed the recovery key and stored it safely</translation>
    </message>
    <message>
        <source>已复制。粘贴到需要的地方后，请清空剪贴板。</source>
        <translation>Copied. Once you have pasted it where it is needed, clear the clipboard.</translation>
    </message>
    <message>
        <source>恢复密钥_{date}.pdf</source>
        <translation>recovery-key_{date}.pdf</translation>
    </message>
    <message>
        <source>保存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>已保存到 {path}。打印后请删除这个文件。</source>
        <translation>Saved to {path}. Delete this file after printing it.</translation>
    </message>
    <message>
        <source>正在生成 PDF…</source>
        <translation>Creating the PDF…</translation>
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
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>撤销本次登录的上一步操作（Ctrl+Z）</source>
        <translation>Undo the last operation of this log-in (Ctrl+Z)</translation>
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
        <source>打印列表…</source>
        <translation>Print list…</translation>
    </message>
    <message>
        <source>预览并打印当前列表：显示的行和列</source>
        <translation>Preview and print the current list: the rows and columns shown</translation>
    </message>
    <message>
        <source>下载导入模板…</source>
        <translation>Download import template…</translation>
    </message>
    <message>
        <source>写出本登记簿的 Excel 导入模板：列名、下拉列表和填写说明</source>
        <translation>Write this register’s Excel import template: column names, drop-down lists and instructions</translation>
    </message>
    <message>
        <source>从 Excel 导入…</source>
        <translation>Import from Excel…</translation>
    </message>
    <message>
        <source>从 Excel 台账导入记录：先预览并检查每一行，没有错误才能导入</source>
        <translation>Import records from an Excel ledger: every row is previewed and checked first, and only a file without errors is imported</translation>
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
        <source>Excel 导入</source>
        <translation>Excel import</translation>
    </message>
    <message>
        <source>当前用户的角色只能查看，不能修改。</source>
        <translation>The current user&apos;s role can view records but not change them.</translation>
    </message>
    <message>
        <source>查看选中的记录（也可双击或按回车）；当前用户的角色不能修改</source>
        <translation>View the selected record (or double-click, or press Enter); the current user&apos;s role cannot make changes</translation>
    </message>
    <message>
        <source>当前用户的角色没有打印和导出的权限。</source>
        <translation>The current user&apos;s role has no permission to print or export.</translation>
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
        <source>不能撤销</source>
        <translation>Cannot undo</translation>
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
        <source>{title}_导入模板</source>
        <translation>{title}_import_template</translation>
    </message>
    <message>
        <source>已写出导入模板 {path}</source>
        <translation>Import template written to {path}</translation>
    </message>
    <message>
        <source>下载导入模板</source>
        <translation>Download import template</translation>
    </message>
    <message>
        <source>正在写出导入模板…</source>
        <translation>Writing the import template…</translation>
    </message>
    <message>
        <source>从 Excel 导入</source>
        <translation>Import from Excel</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx *.xlsm)</source>
        <translation>Excel workbook (*.xlsx *.xlsm)</translation>
    </message>
    <message>
        <source>已从 Excel 导入：新增 {created} 条、更新 {updated} 条</source>
        <translation>Imported from Excel: {created} new, {updated} updated</translation>
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
    <name>RestoreDialog</name>
    <message>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>选择备份文件(&amp;O)…</source>
        <translation>Ch&amp;oose backup file…</translation>
    </message>
    <message>
        <source>备份内容</source>
        <translation>Backup contents</translation>
    </message>
    <message>
        <source>单位：</source>
        <translation>Unit:</translation>
    </message>
    <message>
        <source>所属县：</source>
        <translation>County:</translation>
    </message>
    <message>
        <source>备份时间：</source>
        <translation>Backed up:</translation>
    </message>
    <message>
        <source>数据库版本：</source>
        <translation>Database version:</translation>
    </message>
    <message>
        <source>文件校验：</source>
        <translation>File check:</translation>
    </message>
    <message>
        <source>管理员密码(&amp;P)</source>
        <translation>Administrator &amp;password</translation>
    </message>
    <message>
        <source>恢复密钥(&amp;K)</source>
        <translation>Recovery &amp;key</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>用什么打开这份备份</source>
        <translation>Open this backup with</translation>
    </message>
    <message>
        <source>用户名(&amp;U)</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <source>密码(&amp;W)</source>
        <translation>Pass&amp;word</translation>
    </message>
    <message>
        <source>恢复密钥</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <source>恢复(&amp;R)</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>备份文件(&amp;F)</source>
        <translation>Backup &amp;file</translation>
    </message>
    <message>
        <source>注意：数据目录 {dir} 里已经有数据。恢复时会先把现有文件移到其中的 before-restore-… 文件夹（不删除），再换成备份里的数据。</source>
        <translation>Note: the data folder {dir} already holds data. Restoring first moves the files there into a before-restore-… folder inside it (nothing is deleted), then puts the backup&apos;s data in their place.</translation>
    </message>
    <message>
        <source>选择备份文件</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <source>备份文件 (*.jwbak);;所有文件 (*)</source>
        <translation>Backup files (*.jwbak);;All files (*)</translation>
    </message>
    <message>
        <source>正在校验…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>校验备份文件</source>
        <translation>Check backup file</translation>
    </message>
    <message>
        <source>正在校验备份文件…</source>
        <translation>Checking the backup file…</translation>
    </message>
    <message>
        <source>未通过</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>通过：文件完整，未被改动。</source>
        <translation>Passed: the file is complete and unaltered.</translation>
    </message>
    <message>
        <source>{rev}（比本程序新）</source>
        <translation>{rev} (newer than this program)</translation>
    </message>
    <message>
        <source>文件完整，但来自更新版本的程序：请先升级本程序。</source>
        <translation>The file is complete but comes from a newer version of the program: please upgrade this program first.</translation>
    </message>
    <message>
        <source>替换现有数据</source>
        <translation>Replace existing data</translation>
    </message>
    <message>
        <source>数据目录 {dir} 里的现有数据将被备份中的数据替换（现有文件移到 before-restore-… 文件夹保留）。
确定要继续吗？</source>
        <translation>The data in the folder {dir} will be replaced by the backup&apos;s data (the existing files are kept in a before-restore-… folder).
Continue?</translation>
    </message>
    <message>
        <source>正在检查并恢复数据…</source>
        <translation>Checking and restoring the data…</translation>
    </message>
    <message>
        <source>恢复完成：{unit}，备份时间 {time}。</source>
        <translation>Restored: {unit}, backup made {time}.</translation>
    </message>
    <message>
        <source>原有文件已移到 {dir}。</source>
        <translation>The previous files were moved to {dir}.</translation>
    </message>
    <message>
        <source>请重新启动程序，用备份中的账号登录。</source>
        <translation>Please restart the program and log in with an account from the backup.</translation>
    </message>
    <message>
        <source>请用备份中的账号登录。</source>
        <translation>Please log in with an account from the backup.</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <source>修改角色 — {user}</source>
        <translation>Change role — {user}</translation>
    </message>
    <message>
        <source>新角色查看敏感信息的权限与原角色不同：该用户的密钥要用新密码重新封存，请设置新密码并告知本人。</source>
        <translation>The new role&apos;s access to sensitive information differs from the current role&apos;s: the user&apos;s key must be sealed again with a new password. Set a new password and tell it to the user.</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <source>原角色</source>
        <translation>Current role</translation>
    </message>
    <message>
        <source>新角色(&amp;J)</source>
        <translation>New r&amp;ole</translation>
    </message>
    <message>
        <source>请选择角色。</source>
        <translation>Please choose a role.</translation>
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
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <source>这么久没有操作时程序自动锁定，须输入密码才能继续</source>
        <translation>After this long without activity the program locks itself; the password is needed to continue</translation>
    </message>
    <message>
        <source>只有单位管理员可以更改自动锁定时间</source>
        <translation>Only a unit administrator can change the automatic lock time</translation>
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
        <source>空闲自动锁定(&amp;I)</source>
        <translation>Lock when &amp;idle after</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>打印文件的字体</source>
        <translation>Typefaces of printed documents</translation>
    </message>
    <message>
        <source>正文、表格（宋体）</source>
        <translation>Text and tables (Song)</translation>
    </message>
    <message>
        <source>公文正文（仿宋）</source>
        <translation>Body of official documents (FangSong)</translation>
    </message>
    <message>
        <source>一级标题（黑体）</source>
        <translation>First-level headings (Hei)</translation>
    </message>
    <message>
        <source>二级标题（楷体）</source>
        <translation>Second-level headings (Kai)</translation>
    </message>
    <message>
        <source>文件标题（小标宋）</source>
        <translation>Document titles (Xiaobiaosong)</translation>
    </message>
    <message>
        <source>编码</source>
        <translation>Codes</translation>
    </message>
    <message>
        <source>单位电脑装有宋体、仿宋、黑体、楷体、方正小标宋时，“自动”用这些字体；否则用程序自带的字体。</source>
        <translation>“Automatic” uses SimSun, FangSong, SimHei, KaiTi and FZ Xiaobiaosong when this PC has them, otherwise the fonts shipped with the program.</translation>
    </message>
</context>
<context>
    <name>SetupChecklist</name>
    <message>
        <source>首次使用：请完成以下设置</source>
        <translation>First use: please complete these settings</translation>
    </message>
    <message>
        <source>不再显示</source>
        <translation>Do not show again</translation>
    </message>
    <message>
        <source>隐藏这份清单；各项设置仍可在各自的页面中修改</source>
        <translation>Hide this list; every setting can still be changed on its own page</translation>
    </message>
    <message>
        <source>✓ 已完成</source>
        <translation>✓ Done</translation>
    </message>
    <message>
        <source>○ 未完成</source>
        <translation>○ Not done</translation>
    </message>
    <message>
        <source>还有 {n} 项没有完成。完成后这份清单自动消失。</source>
        <translation>{n} step(s) left. The list disappears once all are done.</translation>
    </message>
    <message>
        <source>去完成</source>
        <translation>Do it</translation>
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
        <source>选填：填写后同时登记为本单位人员</source>
        <translation>Optional: also registers you as a staff member of the unit</translation>
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
        <source>您的姓名</source>
        <translation>Your name</translation>
    </message>
    <message>
        <source>您的岗位</source>
        <translation>Your post</translation>
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
        <source>从备份恢复…</source>
        <translation>Restore from backup…</translation>
    </message>
    <message>
        <source>这台电脑换过或重装过：用以前的备份文件恢复全部数据</source>
        <translation>For a replaced or reinstalled computer: restore all the data from an earlier backup file</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>请先勾选“我已抄写或打印并妥善保管恢复密钥”</source>
        <translation>Please tick “I have written down or printed the recovery key and stored it safely” first</translation>
    </message>
    <message>
        <source>（不登记为人员）</source>
        <translation>(not registered as staff)</translation>
    </message>
    <message>
        <source>两次输入的密码不一致。</source>
        <translation>The two passwords do not match.</translation>
    </message>
    <message>
        <source>正在创建加密数据库和密钥…</source>
        <translation>Creating the encrypted database and keys…</translation>
    </message>
    <message>
        <source>首次使用：恢复密钥</source>
        <translation>First start: recovery key</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>登记簿列表</source>
        <translation>Register lists</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <source>F2 或 回车</source>
        <translation>F2 or Enter</translation>
    </message>
    <message>
        <source>编辑选中的记录</source>
        <translation>Edit the selected record</translation>
    </message>
    <message>
        <source>删除选中的记录</source>
        <translation>Delete the selected record</translation>
    </message>
    <message>
        <source>撤销本次登录的上一步操作（在文字框中是撤销输入）</source>
        <translation>Undo this log-in&apos;s last operation (in a text box: undo typing)</translation>
    </message>
    <message>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>修改历史</source>
        <translation>Change history</translation>
    </message>
    <message>
        <source>人员档案</source>
        <translation>Person&apos;s record</translation>
    </message>
    <message>
        <source>导出 Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>打印列表</source>
        <translation>Print the list</translation>
    </message>
    <message>
        <source>填写表单</source>
        <translation>Filling in forms</translation>
    </message>
    <message>
        <source>回车</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>在单行文字或日期中：保存</source>
        <translation>In a one-line text or date: save</translation>
    </message>
    <message>
        <source>在多行文字中：保存（回车是换行）</source>
        <translation>In multi-line text: save (Enter starts a new line)</translation>
    </message>
    <message>
        <source>保存并关闭</source>
        <translation>Save and close</translation>
    </message>
    <message>
        <source>保存并继续新增</source>
        <translation>Save and add another</translation>
    </message>
    <message>
        <source>办理下一环节</source>
        <translation>Take the next step</translation>
    </message>
    <message>
        <source>在日期中：打开日历</source>
        <translation>In a date field: open the calendar</translation>
    </message>
    <message>
        <source>关闭窗口（有未保存的内容时先询问）</source>
        <translation>Close the window (asks first when something is unsaved)</translation>
    </message>
    <message>
        <source>窗口</source>
        <translation>Window</translation>
    </message>
    <message>
        <source>切换到第 1…9 页</source>
        <translation>Go to page 1…9</translation>
    </message>
    <message>
        <source>下一页 / 上一页</source>
        <translation>Next page / previous page</translation>
    </message>
    <message>
        <source>到导航栏</source>
        <translation>Go to the navigation</translation>
    </message>
    <message>
        <source>放大 / 缩小字体</source>
        <translation>Larger / smaller text</translation>
    </message>
    <message>
        <source>默认字号</source>
        <translation>Default text size</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>锁定</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>使用手册（本表在“帮助 → 快捷键”）</source>
        <translation>User manual (this list is under Help → Keyboard shortcuts)</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>快捷键</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
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
        <source>{type} {units} 个，核定编制未填，实际配备 {staffed} 名，其中专职 {full_time} 名</source>
        <translation>{type} — units: {units}, authorised posts: not entered, staffed: {staffed} (full-time: {full_time})</translation>
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
    <name>StatisticsCharts</name>
    <message>
        <source>四种形态（按单位类型，人次）</source>
        <translation>Four forms (by unit type, person-times)</translation>
    </message>
    <message>
        <source>四种形态（按单位，人次）</source>
        <translation>Four forms (by unit, person-times)</translation>
    </message>
    <message>
        <source>四种形态（按季度，人次）</source>
        <translation>Four forms (by quarter, person-times)</translation>
    </message>
    <message>
        <source>驻村覆盖（按乡镇，已驻村次占比）</source>
        <translation>Village residency (by township, share of village-quarters visited)</translation>
    </message>
    <message>
        <source>单击柱形（或按回车）查看其明细记录</source>
        <translation>Click a bar (or press Enter) to see the records behind it</translation>
    </message>
    <message>
        <source>{start} 至 {end}</source>
        <translation>{start} to {end}</translation>
    </message>
    <message>
        <source>已驻占比</source>
        <translation>Share visited</translation>
    </message>
    <message>
        <source>{period} {township} 已驻村次（{visited}/{owed}）</source>
        <translation>{period} {township} village visits ({visited}/{owed})</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <source>统计分析</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <source>导出 Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>把本页统计数字导出为 Excel 文件（Ctrl+E）</source>
        <translation>Export the figures on this page to an Excel file (Ctrl+E)</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>预览并打印本页全部统计表（Ctrl+P）</source>
        <translation>Preview and print all tables on this page (Ctrl+P)</translation>
    </message>
    <message>
        <source>生成工作报告…</source>
        <translation>Write work report…</translation>
    </message>
    <message>
        <source>按日期范围生成乡镇纪委和派驻纪检监察组工作报告（Word 文档），供编辑后上报</source>
        <translation>Write the work report of the township commissions and dispatched groups for a range of days (a Word document) to edit before it is sent up</translation>
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
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>季度</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <source>全年</source>
        <translation>Whole year</translation>
    </message>
    <message>
        <source>起始日期</source>
        <translation>From date</translation>
    </message>
    <message>
        <source>截止日期</source>
        <translation>To date</translation>
    </message>
    <message>
        <source>如 2022-09-30</source>
        <translation>e.g. 2022-09-30</translation>
    </message>
    <message>
        <source>自：</source>
        <translation>From:</translation>
    </message>
    <message>
        <source>至：</source>
        <translation>To:</translation>
    </message>
    <message>
        <source>年度：</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>季度：</source>
        <translation>Quarter:</translation>
    </message>
    <message>
        <source>双击任一数字（或选中后按回车）可查看其明细记录。</source>
        <translation>Double-click any figure (or select it and press Enter) to see the records behind it.</translation>
    </message>
    <message>
        <source>主要数字</source>
        <translation>Key figures</translation>
    </message>
    <message>
        <source>四种形态（按单位类型，人次）</source>
        <translation>Four forms (by unit type, person-times)</translation>
    </message>
    <message>
        <source>四种形态（按单位，人次）</source>
        <translation>Four forms (by unit, person-times)</translation>
    </message>
    <message>
        <source>问题线索（按来源）</source>
        <translation>Problem clues (by source)</translation>
    </message>
    <message>
        <source>问题线索（按处置方式）</source>
        <translation>Problem clues (by disposal)</translation>
    </message>
    <message>
        <source>巡察移交线索的初核结果</source>
        <translation>Preliminary verification outcomes of clues referred by inspection tours</translation>
    </message>
    <message>
        <source>协审结果</source>
        <translation>Co-review results</translation>
    </message>
    <message>
        <source>各项工作（按单位，条）</source>
        <translation>Daily work (by unit, records)</translation>
    </message>
    <message>
        <source>表格</source>
        <translation>Tables</translation>
    </message>
    <message>
        <source>图表</source>
        <translation>Charts</translation>
    </message>
    <message>
        <source>{year} 年</source>
        <translation>{year}</translation>
    </message>
    <message>
        <source>全部年度</source>
        <translation>All years</translation>
    </message>
    <message>
        <source>日期范围…</source>
        <translation>Date range…</translation>
    </message>
    <message>
        <source>请按 2022-09-30 的格式填写日期。</source>
        <translation>Please enter dates like 2022-09-30.</translation>
    </message>
    <message>
        <source>{start} 至 {end}</source>
        <translation>{start} to {end}</translation>
    </message>
    <message>
        <source>{start} 以来</source>
        <translation>since {start}</translation>
    </message>
    <message>
        <source>{end} 及以前</source>
        <translation>up to {end}</translation>
    </message>
    <message>
        <source>正在统计…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>数字</source>
        <translation>Figure</translation>
    </message>
    <message>
        <source>运用第一种形态（人次）</source>
        <translation>First form applied (person-times)</translation>
    </message>
    <message>
        <source>其中乡镇纪委（人次）</source>
        <translation>of which by township commissions (person-times)</translation>
    </message>
    <message>
        <source>乡镇纪委占比</source>
        <translation>Township commissions&apos; share</translation>
    </message>
    <message>
        <source>指导领办（人次）</source>
        <translation>Guided by the county (person-times)</translation>
    </message>
    <message>
        <source>指导领办占比</source>
        <translation>Share guided by the county</translation>
    </message>
    <message>
        <source>协审（件）</source>
        <translation>Co-reviews (cases)</translation>
    </message>
    <message>
        <source>巡察移交线索（件）</source>
        <translation>Clues referred by inspection tours</translation>
    </message>
    <message>
        <source>&#x3000;派驻组初步核实（件）</source>
        <translation>&#x3000;Preliminary verification by dispatched groups</translation>
    </message>
    <message>
        <source>&#x3000;以第一种形态处理（人次）</source>
        <translation>&#x3000;Handled under the first form (person-times)</translation>
    </message>
    <message>
        <source>派驻组参与办理的案件（件）</source>
        <translation>Cases with dispatched-group participation</translation>
    </message>
    <message>
        <source>&#x3000;派驻组承办（件次）</source>
        <translation>&#x3000;Handled by dispatched groups (case-times)</translation>
    </message>
    <message>
        <source>&#x3000;派驻组协办（件次）</source>
        <translation>&#x3000;Dispatched groups taking part (case-times)</translation>
    </message>
    <message>
        <source>单位类型</source>
        <translation>Unit type</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>件数</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>处置方式</source>
        <translation>Disposal</translation>
    </message>
    <message>
        <source>初核结果</source>
        <translation>Verification outcome</translation>
    </message>
    <message>
        <source>工作报告_{start}至{end}</source>
        <translation>Work report_{start}-{end}</translation>
    </message>
    <message>
        <source>工作报告已写入 {path}&#x3000;&lt;a href=&quot;{folder}&quot;&gt;打开所在文件夹&lt;/a&gt;</source>
        <translation>Work report written to {path}  &lt;a href=&quot;{folder}&quot;&gt;Open its folder&lt;/a&gt;</translation>
    </message>
    <message>
        <source>生成工作报告</source>
        <translation>Write work report</translation>
    </message>
    <message>
        <source>正在生成工作报告…</source>
        <translation>Writing the work report…</translation>
    </message>
    <message>
        <source>生成工作报告失败。</source>
        <translation>The work report could not be written.</translation>
    </message>
    <message>
        <source>已导出到 {path}&#x3000;&lt;a href=&quot;{folder}&quot;&gt;打开所在文件夹&lt;/a&gt;</source>
        <translation>Exported to {path}&#x3000;&lt;a href=&quot;{folder}&quot;&gt;Open folder&lt;/a&gt;</translation>
    </message>
    <message>
        <source>正在导出统计数字…</source>
        <translation>Exporting the figures…</translation>
    </message>
    <message>
        <source>导出失败。</source>
        <translation>Export failed.</translation>
    </message>
</context>
<context>
    <name>TablePrint</name>
    <message>
        <source>列表有 {n} 行，超过一次打印的 {max} 行。请先用搜索或筛选缩小范围，或导出 Excel。</source>
        <translation>The list has {n} rows, more than the {max} that can be printed at once. Narrow it with search or filters first, or export it to Excel.</translation>
    </message>
    <message>
        <source>搜索：{text}</source>
        <translation>Search: {text}</translation>
    </message>
    <message>
        <source>{label}：{value}</source>
        <translation>{label}: {value}</translation>
    </message>
    <message>
        <source>含已删除的记录</source>
        <translation>Including deleted records</translation>
    </message>
    <message>
        <source>共 {n} 条</source>
        <translation>{n} records</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>统计分析</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <source>统计期间：{period}</source>
        <translation>Period: {period}</translation>
    </message>
    <message>
        <source>范围：{unit}</source>
        <translation>Scope: {unit}</translation>
    </message>
    <message>
        <source>查找：{text}</source>
        <translation>Find: {text}</translation>
    </message>
    <message>
        <source>只看缺项</source>
        <translation>Gaps only</translation>
    </message>
    <message>
        <source>恢复密钥</source>
        <translation>Recovery key</translation>
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
    <name>TimelineView</name>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>办理人</source>
        <translation>By</translation>
    </message>
    <message>
        <source>环节</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>理由或依据</source>
        <translation>Reason or basis</translation>
    </message>
    <message>
        <source>文书与批准</source>
        <translation>Document and approval</translation>
    </message>
    <message>
        <source>办理记录</source>
        <translation>Handling history</translation>
    </message>
    <message>
        <source>批准：{who}</source>
        <translation>Approved by: {who}</translation>
    </message>
</context>
<context>
    <name>TransfersPanel</name>
    <message>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>原属单位</source>
        <translation>From unit</translation>
    </message>
    <message>
        <source>变更为</source>
        <translation>To unit</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>搜索单位、记录或理由</source>
        <translation>Search units, records or reasons</translation>
    </message>
    <message>
        <source>归属变更</source>
        <translation>Ownership transfers</translation>
    </message>
    <message>
        <source>搜索(&amp;S)：</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <source>各单位的归属变更申请：同意后记录改属新单位，随下一批数据包发给双方。</source>
        <translation>Units&apos; requests to move records: once approved, the record belongs to the new unit and the next bundles tell both units.</translation>
    </message>
    <message>
        <source>本单位的归属变更申请及县纪委监委的决定（申请用命令行 transfer request 提出）。</source>
        <translation>This unit&apos;s transfer requests and the county commission&apos;s decisions (requests are filed with the command line&apos;s transfer request).</translation>
    </message>
    <message>
        <source>同意(&amp;A)…</source>
        <translation>&amp;Approve…</translation>
    </message>
    <message>
        <source>不同意(&amp;R)…</source>
        <translation>&amp;Refuse…</translation>
    </message>
    <message>
        <source>县纪委监委已变更</source>
        <translation>Moved by the county commission</translation>
    </message>
    <message>
        <source>县纪委监委不同意</source>
        <translation>Refused by the county commission</translation>
    </message>
    <message>
        <source>待决定</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>已同意</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>未同意</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>申请</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>变更</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>不同意</source>
        <translation>Refusal</translation>
    </message>
    <message>
        <source>同意归属变更</source>
        <translation>Approve the transfer</translation>
    </message>
    <message>
        <source>不同意归属变更</source>
        <translation>Refuse the transfer</translation>
    </message>
    <message>
        <source>理由（必填）：</source>
        <translation>Reason (required):</translation>
    </message>
</context>
<context>
    <name>TransitionDialog</name>
    <message>
        <source>（当前状态没有可办理的环节）</source>
        <translation>(no step is possible in the current status)</translation>
    </message>
    <message>
        <source>{step} — {subject}</source>
        <translation>{step} — {subject}</translation>
    </message>
    <message>
        <source>状态：{before} → {after}</source>
        <translation>Status: {before} → {after}</translation>
    </message>
    <message>
        <source>写明办理的理由或依据，例如集体研究的会议、领导批示</source>
        <translation>State the reason or basis, such as the collective decision meeting or a leader&apos;s instruction</translation>
    </message>
    <message>
        <source>理由或依据</source>
        <translation>Reason or basis</translation>
    </message>
    <message>
        <source>确定办理</source>
        <translation>Confirm step</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>回车；在理由中按 Ctrl+Enter</source>
        <translation>Enter; Ctrl+Enter in the reason</translation>
    </message>
    <message>
        <source>这条记录已被删除。</source>
        <translation>This record has been deleted.</translation>
    </message>
</context>
<context>
    <name>UndoAction</name>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>已撤销：{what}</source>
        <translation>Undone: {what}</translation>
    </message>
    <message>
        <source>撤销(&amp;U)</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>撤销(&amp;U)：{what}</source>
        <translation>&amp;Undo: {what}</translation>
    </message>
    <message>
        <source>撤销本次登录的上一步操作，作为一次新的修改记入历史（{key}）</source>
        <translation>Undo the last operation of this log-in, recorded in the history as a new change ({key})</translation>
    </message>
    <message>
        <source>不能撤销</source>
        <translation>Cannot undo</translation>
    </message>
</context>
<context>
    <name>UnitChoiceDialog</name>
    <message>
        <source>导出数据包</source>
        <translation>Export data packages</translation>
    </message>
    <message>
        <source>要导出数据包的单位</source>
        <translation>Units to export data packages for</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>为下列单位各生成一个数据包（空格键勾选或取消）：</source>
        <translation>Make a data package for each of these units (Space ticks or unticks):</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>程序已锁定。请 {user}（{role}）输入密码解锁。</source>
        <translation>The program is locked. {user} ({role}), please enter your password to unlock it.</translation>
    </message>
    <message>
        <source>密码(&amp;P)</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>请输入密码。</source>
        <translation>Please enter your password.</translation>
    </message>
    <message>
        <source>正在验证密码…</source>
        <translation>Checking the password…</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>只能查看，不能修改。</source>
        <translation>Can view records but not change them.</translation>
    </message>
    <message>
        <source>可以：{what}</source>
        <translation>Permissions: {what}</translation>
    </message>
    <message>
        <source>请选择角色</source>
        <translation>Choose a role</translation>
    </message>
    <message>
        <source>用户管理</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <source>新增一名用户</source>
        <translation>Add a new user</translation>
    </message>
    <message>
        <source>修改角色</source>
        <translation>Change role</translation>
    </message>
    <message>
        <source>修改选中用户的角色</source>
        <translation>Change the role of the selected user</translation>
    </message>
    <message>
        <source>重置密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>为选中的用户设置新密码</source>
        <translation>Set a new password for the selected user</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <source>停用选中的账号：不能再登录，记录保留</source>
        <translation>Deactivate the selected account: it can no longer log in; its records are kept</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>Reactivate</translation>
    </message>
    <message>
        <source>重新启用选中的账号（须设置新密码）</source>
        <translation>Reactivate the selected account (a new password must be set)</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>重新读取用户列表</source>
        <translation>Reload the user list</translation>
    </message>
    <message>
        <source>修改我的密码</source>
        <translation>Change my password</translation>
    </message>
    <message>
        <source>修改当前登录账号的密码</source>
        <translation>Change the password of the account that is logged in</translation>
    </message>
    <message>
        <source>用户列表</source>
        <translation>User list</translation>
    </message>
    <message>
        <source>需要「{what}」权限（单位管理员）。</source>
        <translation>Requires the “{what}” permission (unit administrator).</translation>
    </message>
    <message>
        <source>只有单位管理员可以管理用户。您可以在这里修改自己的密码。</source>
        <translation>Only a unit administrator can manage users. You can change your own password here.</translation>
    </message>
    <message>
        <source>已新增用户「{user}」。</source>
        <translation>User “{user}” added.</translation>
    </message>
    <message>
        <source>「{user}」的角色现在是「{role}」。</source>
        <translation>“{user}” now has the role “{role}”.</translation>
    </message>
    <message>
        <source>重置密码 — {user}</source>
        <translation>Reset password — {user}</translation>
    </message>
    <message>
        <source>设置新密码后请当面告知本人，并提醒他登录后修改。</source>
        <translation>After setting the new password, tell it to the user in person and remind them to change it after logging in.</translation>
    </message>
    <message>
        <source>已重置「{user}」的密码。</source>
        <translation>The password of “{user}” has been reset.</translation>
    </message>
    <message>
        <source>启用账号 — {user}</source>
        <translation>Reactivate account — {user}</translation>
    </message>
    <message>
        <source>停用时该账号的密钥已删除，启用须设置新密码。</source>
        <translation>The account&apos;s key was deleted when it was deactivated; to reactivate it, set a new password.</translation>
    </message>
    <message>
        <source>已启用「{user}」。</source>
        <translation>“{user}” reactivated.</translation>
    </message>
    <message>
        <source>您的密码已修改。</source>
        <translation>Your password has been changed.</translation>
    </message>
    <message>
        <source>确定停用「{user}」吗？
停用后该账号不能再登录，已录入的记录和审计日志都保留；以后可以重新启用。</source>
        <translation>Deactivate “{user}”?
The account will no longer be able to log in; the records it entered and the audit log are kept. It can be reactivated later.</translation>
    </message>
    <message>
        <source>停用账号</source>
        <translation>Deactivate account</translation>
    </message>
    <message>
        <source>不能停用</source>
        <translation>Cannot deactivate</translation>
    </message>
    <message>
        <source>已停用「{user}」。</source>
        <translation>“{user}” deactivated.</translation>
    </message>
</context>
<context>
    <name>UsersTableModel</name>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>在用</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>已停用</source>
        <translation>Deactivated</translation>
    </message>
</context>
<context>
    <name>VisitEntryDialog</name>
    <message>
        <source>录入记录表 {code} — {target}</source>
        <translation>Enter record sheet {code} — {target}</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>{unit} · {target}&#x3000;安排日期 {day}&#x3000;人员：{people}</source>
        <translation>{unit} · {target}&#x3000;Planned date: {day}&#x3000;Staff: {people}</translation>
    </message>
    <message>
        <source>未定</source>
        <translation>not set</translation>
    </message>
    <message>
        <source>（由此登记的问题线索 {n} 条）</source>
        <translation> ({n} problem clue(s) registered from it)</translation>
    </message>
    <message>
        <source>当前用户的角色只能查看，不能录入。</source>
        <translation>The current user&apos;s role can view but not enter record sheets.</translation>
    </message>
    <message>
        <source>检查事项（空格勾选，Tab 移到下一项）</source>
        <translation>Check items (Space to tick, Tab to go to the next)</translation>
    </message>
    <message>
        <source>如：村支书张某、村会计李某</source>
        <translation>e.g. village Party secretary Zhang, village accountant Li</translation>
    </message>
    <message>
        <source>：</source>
        <translation>:</translation>
    </message>
    <message>
        <source>发现的问题线索</source>
        <translation>Problem clues found</translation>
    </message>
    <message>
        <source>（无权填写）</source>
        <translation> (no permission to enter)</translation>
    </message>
    <message>
        <source>添加线索(&amp;A)</source>
        <translation>&amp;Add clue</translation>
    </message>
    <message>
        <source>在表中添加一行线索（Alt+A）</source>
        <translation>Add a clue row to the table (Alt+A)</translation>
    </message>
    <message>
        <source>删除线索行(&amp;D)</source>
        <translation>&amp;Delete clue row</translation>
    </message>
    <message>
        <source>删除表中当前的一行线索（Alt+D）</source>
        <translation>Delete the current clue row from the table (Alt+D)</translation>
    </message>
    <message>
        <source>发现的问题线索（保存时登记到「问题线索」，来源为监督发现）</source>
        <translation>Problem clues found (on saving, registered under “Problem clues” with the source “Found in supervision”)</translation>
    </message>
    <message>
        <source>保存（Ctrl+S）</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>当前用户无权填写线索摘要（敏感信息）</source>
        <translation>The current user may not enter the clue summary (sensitive information)</translation>
    </message>
    <message>
        <source>这次驻村（驻在）已不存在，可能已被删除。</source>
        <translation>This residency visit no longer exists; it may have been deleted.</translation>
    </message>
    <message>
        <source>第 {row} 条线索：{text}</source>
        <translation>Clue {row}: {text}</translation>
    </message>
</context>
<context>
    <name>VisitTools</name>
    <message>
        <source>生成季度计划</source>
        <translation>Generate a quarter plan</translation>
    </message>
    <message>
        <source>为每个村（社区）或被监督单位安排本季度或下季度的驻村（驻在）</source>
        <translation>Plan residency visits to every village (community) or supervised unit for this quarter or the next</translation>
    </message>
    <message>
        <source>录入记录表</source>
        <translation>Enter the record sheet</translation>
    </message>
    <message>
        <source>录入选中驻村（驻在）的纸质记录表（Ctrl+R）</source>
        <translation>Enter the paper record sheet of the selected residency visit (Ctrl+R)</translation>
    </message>
    <message>
        <source>扫码或输入记录表编码后回车</source>
        <translation>Scan or type a record sheet code, then press Enter</translation>
    </message>
    <message>
        <source>扫码录入</source>
        <translation>Scan to enter</translation>
    </message>
    <message>
        <source>用扫码枪扫记录表上的二维码或条码，或手动输入编码（如 V1234ABCD）后按回车</source>
        <translation>Scan the QR code or barcode on the record sheet with a scanner, or type the code (such as V1234ABCD), then press Enter</translation>
    </message>
    <message>
        <source>扫码录入：</source>
        <translation>Scan to enter:</translation>
    </message>
    <message>
        <source>没有编码为「{code}」的记录表，请检查后重新扫码或输入。</source>
        <translation>There is no record sheet with the code “{code}”. Check it, then scan or type it again.</translation>
    </message>
    <message>
        <source>这次驻村（驻在）已不存在，可能已被删除。</source>
        <translation>This residency visit no longer exists; it may have been deleted.</translation>
    </message>
    <message>
        <source>已录入记录表 {code}。</source>
        <translation>Record sheet {code} entered.</translation>
    </message>
    <message>
        <source>登记问题线索 {n} 条。</source>
        <translation> Problem clues registered: {n}.</translation>
    </message>
    <message>
        <source>已保存季度计划：安排驻村（驻在）{n} 次。</source>
        <translation>Quarter plan saved: {n} residency visit(s) planned.</translation>
    </message>
</context>
<context>
    <name>WorkReportDialog</name>
    <message>
        <source>生成工作报告</source>
        <translation>Write work report</translation>
    </message>
    <message>
        <source>按日期范围生成乡镇纪委和派驻纪检监察组工作报告（Word 文档）：基本情况、主要工作及成效、存在的问题、下一步工作打算。数字取自统计分析，方括号【】处请在 WPS 或 Word 中补充。</source>
        <translation>Writes the work report of the township commissions and dispatched groups for a range of days as a Word document: basic situation, main work and results, problems, next steps. The figures come from the statistics; fill in the parts in brackets 【】 in WPS or Word.</translation>
    </message>
    <message>
        <source>起始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>截止日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>起始日期：</source>
        <translation>From:</translation>
    </message>
    <message>
        <source>截止日期：</source>
        <translation>To:</translation>
    </message>
    <message>
        <source>生成…</source>
        <translation>Write…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>请按 2022-09-30 的格式填写起始日期和截止日期。</source>
        <translation>Enter the start and end dates like 2022-09-30.</translation>
    </message>
    <message>
        <source>保存工作报告</source>
        <translation>Save work report</translation>
    </message>
</context>
<context>
    <name>WorkflowTools</name>
    <message>
        <source>办理</source>
        <translation>Next step</translation>
    </message>
    <message>
        <source>按办理流程把选中的记录推进到下一环节（Ctrl+J）</source>
        <translation>Move the selected record on to the next step of the procedure (Ctrl+J)</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>打印选中记录的表格（可预览）</source>
        <translation>Print the form for the selected record (with preview)</translation>
    </message>
    <message>
        <source>已办理「{step}」：{name}</source>
        <translation>Step “{step}” done: {name}</translation>
    </message>
    <message>
        <source>转为问题线索</source>
        <translation>Turn into a problem clue</translation>
    </message>
    <message>
        <source>已转为问题线索 {number}。</source>
        <translation>Turned into problem clue {number}.</translation>
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
        <source>{path} 是一个文件，不是文件夹。请指定一个文件夹。</source>
        <translation>{path} is a file, not a folder. Please name a folder.</translation>
    </message>
    <message>
        <source>找不到文件夹：{path}</source>
        <translation>Folder not found: {path}</translation>
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
        <source>不是 UTF-8 编码的文本文件。</source>
        <translation>it is not a UTF-8 text file.</translation>
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
        <source>数据库已加密。恢复密钥（请抄写并妥善保管，只显示这一次）：{key}</source>
        <translation>Database encrypted. Recovery key (write it down and keep it safe; shown only this once): {key}</translation>
    </message>
    <message>
        <source>已初始化：{unit}（{code}，{type}），管理员 {admin}。数据库：{db}</source>
        <translation>Initialised: {unit} ({code}, {type}), administrator {admin}. Database: {db}</translation>
    </message>
    <message>
        <source>恢复密钥（忘记全部密码时用它打开数据，请抄写或打印后妥善保管，只显示这一次）：{key}</source>
        <translation>Recovery key (opens the data if all passwords are forgotten; write it down or print it and keep it safe; shown only this once): {key}</translation>
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
        <source>无法读取口令文件 {path}：{reason}</source>
        <translation>Cannot read the passphrase file {path}: {reason}</translation>
    </message>
    <message>
        <source>口令文件 {path} 的第一行是空的。</source>
        <translation>The first line of the passphrase file {path} is empty.</translation>
    </message>
    <message>
        <source>未填</source>
        <translation>Not entered</translation>
    </message>
    <message>
        <source>已按登记包初始化：{unit}（{code}），管理员 {admin}。恢复密钥（只显示这一次）：{key}</source>
        <translation>Set up from the registration package: {unit} ({code}), administrator {admin}. Recovery key (shown only this once): {key}</translation>
    </message>
    <message>
        <source>登记单位须由能查看敏感信息的账号操作：登记包要带上全县共用的敏感信息密钥。</source>
        <translation>A unit must be enrolled by an account allowed to view sensitive information: the registration package carries the county-wide key for sensitive fields.</translation>
    </message>
    <message>
        <source>已为 {code} 制作登记包：{path}。口令请另行交给该单位。</source>
        <translation>Registration package for {code} made: {path}. Give the passphrase to the unit separately.</translation>
    </message>
    <message>
        <source>已吊销 {code} 的数据交换密钥；其数据包从此不再接收。</source>
        <translation>The data exchange key of {code} has been revoked; its data packages will no longer be accepted.</translation>
    </message>
    <message>
        <source>导出目录不存在：{path}</source>
        <translation>The export folder does not exist: {path}</translation>
    </message>
    <message>
        <source>已写出数据包 {name}（第 {n} 号，{records} 条记录），已读回校验。</source>
        <translation>Data package {name} written (No. {n}, {records} records) and verified by reading it back.</translation>
    </message>
    <message>
        <source>{file}：来自 {sender}，新增 {new}，更新 {updated}，删除 {deleted}，冲突 {conflicts}，跳过 {skipped}。</source>
        <translation>{file} (from {sender}): {new} new, {updated} updated, {deleted} deleted, {conflicts} conflicts, {skipped} skipped.</translation>
    </message>
    <message>
        <source>待处理的数据冲突：{n} 个。</source>
        <translation>Data conflicts to resolve: {n}.</translation>
    </message>
    <message>
        <source>已登记单位：{name}（{code}，{type}，核定编制 {posts}）。</source>
        <translation>Unit registered: {name} ({code}, {type}, authorised posts: {posts}).</translation>
    </message>
    <message>
        <source>季度写得不对：{quarter}。请{hint}。</source>
        <translation>Invalid quarter: {quarter}. {hint}.</translation>
    </message>
    <message>
        <source>{quarter} 没有已安排或已完成的驻村（驻在）监督，没有要打印的记录表。</source>
        <translation>{quarter} has no planned or completed residency supervision, so there are no record sheets to print.</translation>
    </message>
    <message>
        <source>无法写入 PDF {path}：{reason}</source>
        <translation>Cannot write the PDF {path}: {reason}</translation>
    </message>
    <message>
        <source>已写入 {quarter} 的驻村（驻在）监督工作记录表：{path}，共 {pages} 页。</source>
        <translation>Residency supervision record sheets for {quarter} written to {path} ({pages} pages).</translation>
    </message>
    <message>
        <source>找不到保存 PDF 的文件夹：{dir}。</source>
        <translation>The folder for the PDF does not exist: {dir}.</translation>
    </message>
    <message>
        <source>无法写入恢复密钥 PDF {path}：{reason}（密钥已在上面显示，请抄写）</source>
        <translation>Cannot write the recovery key PDF {path}: {reason} (the key is shown above: write it down)</translation>
    </message>
    <message>
        <source>恢复密钥 PDF：{path}。打印后请删除这个文件。</source>
        <translation>Recovery key PDF: {path}. Delete this file after printing it.</translation>
    </message>
    <message>
        <source>无法读取恢复密钥文件 {path}：{reason}</source>
        <translation>Cannot read the recovery key file {path}: {reason}</translation>
    </message>
    <message>
        <source>恢复密钥文件 {path} 是空的。</source>
        <translation>The recovery key file {path} is empty.</translation>
    </message>
    <message>
        <source>已备份并校验：{path}</source>
        <translation>Backed up and verified: {path}</translation>
    </message>
    <message>
        <source>找不到备份文件：{path}</source>
        <translation>Backup file not found: {path}</translation>
    </message>
    <message>
        <source>已从备份恢复：{unit}（{code}），备份时间 {created}。数据目录：{dir}</source>
        <translation>Restored from backup: {unit} ({code}), backup made {created}. Data folder: {dir}</translation>
    </message>
    <message>
        <source>原有的数据文件已移到 {dir}。</source>
        <translation>The previous data files were moved to {dir}.</translation>
    </message>
    <message>
        <source>已用恢复密钥为 {user} 设置新密码。恢复密钥用过之后，请尽快生成新的（recovery-key）。</source>
        <translation>A new password was set for {user} with the recovery key. Now that the recovery key has been used, make a new one soon (recovery-key).</translation>
    </message>
    <message>
        <source>新的恢复密钥（旧密钥已失效，但仍能打开以前的备份；请抄写或打印后妥善保管，只显示这一次）：{key}</source>
        <translation>New recovery key (the old key no longer works, but still opens earlier backups; write it down or print it and keep it safe; shown only this once): {key}</translation>
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
        <source>发生了意外错误（{kind}，{where}），操作没有完成。请重试；如果仍然出错，请联系县纪委监委的信息管理员。</source>
        <translation>An unexpected error occurred ({kind}, {where}); the operation was not completed. Please try again; if it happens again, contact the county commission&apos;s IT administrator.</translation>
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
        <source>密码最多 {n} 位。</source>
        <translation>The password can have at most {n} characters.</translation>
    </message>
    <message>
        <source>密码的开头和结尾不能是空格。</source>
        <translation>The password cannot begin or end with a space.</translation>
    </message>
    <message>
        <source>密码须同时包含字母和数字（或符号）。</source>
        <translation>The password must contain both letters and digits (or symbols).</translation>
    </message>
    <message>
        <source>密码不能包含用户名。</source>
        <translation>The password cannot contain the user name.</translation>
    </message>
    <message>
        <source>密码至少 {n} 位，须同时包含字母和数字（或符号），不能包含用户名。</source>
        <translation>The password needs at least {n} characters, with both letters and digits (or symbols), and must not contain the user name.</translation>
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
        <source>选了岗位，请同时填写姓名。</source>
        <translation>A post was chosen: please enter the name too.</translation>
    </message>
    <message>
        <source>请选择本人在本单位的岗位。</source>
        <translation>Please choose your post in this unit.</translation>
    </message>
    <message>
        <source>最多 32 位，可用汉字、字母、数字和连字符</source>
        <translation>Up to 32 characters: Chinese characters, letters, digits and hyphens</translation>
    </message>
    <message>
        <source>「{category}」下的二级类别只能是：{allowed}</source>
        <translation>The subcategory under “{category}” must be one of: {allowed}</translation>
    </message>
    <message>
        <source>填写二级类别前请先选择问题类别。</source>
        <translation>Choose the problem category before the subcategory.</translation>
    </message>
    <message>
        <source>「{label}」不能为空。</source>
        <translation>“{label}” is required.</translation>
    </message>
    <message>
        <source>「仅登记」的材料不录入内容，请清空此项。</source>
        <translation>For “Register only” material no content is entered; please clear this field.</translation>
    </message>
    <message>
        <source>实名举报须填写举报人。</source>
        <translation>For a signed report, enter the reporter.</translation>
    </message>
    <message>
        <source>请选择另一个单位承办。</source>
        <translation>Please choose another unit to handle it.</translation>
    </message>
    <message>
        <source>交叉办理只能交给同一片区协作区内的其他单位；跨片区交叉办理须由县纪委监委指定。</source>
        <translation>Cross-handling can only go to another unit of the same zone; handling across zones must be assigned by the county commission.</translation>
    </message>
    <message>
        <source>「{step}」通常按工作日计算；没有勾选「工作日」，将按自然日计算。</source>
        <translation>“{step}” is usually counted in working days; with “Working days” unticked it will be counted in calendar days.</translation>
    </message>
    <message>
        <source>「{step}」通常按自然日计算；勾选了「工作日」，将只计工作日。</source>
        <translation>“{step}” is usually counted in calendar days; with “Working days” ticked only working days will count.</translation>
    </message>
    <message>
        <source>登记日期不能早于收到日期。</source>
        <translation>The registration date cannot be before the date received.</translation>
    </message>
    <message>
        <source>集体研究日期不能早于收到日期。</source>
        <translation>The collective decision date cannot be before the date received.</translation>
    </message>
    <message>
        <source>处置方式须写明理由。</source>
        <translation>Give a reason for the disposal.</translation>
    </message>
    <message>
        <source>可能与线索 {number}（{date} 收到）重复：同一被反映人、同一问题。</source>
        <translation>May duplicate clue {number} (received {date}): same person reported on, same problem.</translation>
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
        <source>人员库中没有编号或姓名为「{name}」的人员。</source>
        <translation>The person register has no person with the id or name “{name}”.</translation>
    </message>
    <message>
        <source>人员库中有 {n} 位「{name}」，请用编号指明是哪一位：</source>
        <translation>The person register has {n} people named “{name}”; please give the id of the one you mean:</translation>
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
        <source>当前用户无权查看或填写「{label}」（敏感信息）。</source>
        <translation>The current user may not view or enter “{label}” (sensitive information).</translation>
    </message>
    <message>
        <source>知悉范围中有不存在的用户：{names}</source>
        <translation>The need-to-know list names users that do not exist: {names}</translation>
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
        <source>驻村（驻在）</source>
        <translation>Residency</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>村（社区）/ 被监督单位</source>
        <translation>Village (community) / supervised unit</translation>
    </message>
    <message>
        <source>{year} 年{what}覆盖情况</source>
        <translation>{what} coverage in {year}</translation>
    </message>
    <message>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>{units} 乡镇 {targets} 村</source>
        <translation>{units} townships, {targets} villages</translation>
    </message>
    <message>
        <source>{units} 派驻组 {targets} 单位</source>
        <translation>{units} dispatched groups, {targets} units</translation>
    </message>
    <message>
        <source>{targets} 乡镇党委</source>
        <translation>{targets} township Party committees</translation>
    </message>
    <message>
        <source>{label} {n}</source>
        <translation>{label} {n}</translation>
    </message>
    <message>
        <source>{who}：{counts}</source>
        <translation>{who}: {counts}</translation>
    </message>
    <message>
        <source>没有村（社区）或被监督单位</source>
        <translation>No villages (communities) or supervised units</translation>
    </message>
    <message>
        <source>覆盖情况</source>
        <translation>Coverage</translation>
    </message>
    <message>
        <source>密码错误</source>
        <translation>Wrong password</translation>
    </message>
    <message>
        <source>账号已停用</source>
        <translation>Account deactivated</translation>
    </message>
    <message>
        <source>解锁时密码错误</source>
        <translation>Wrong password when unlocking</translation>
    </message>
    <message>
        <source>未加密的数据库已加密</source>
        <translation>Unencrypted database encrypted</translation>
    </message>
    <message>
        <source>用恢复密钥重设密码</source>
        <translation>Password reset with the recovery key</translation>
    </message>
    <message>
        <source>更换恢复密钥</source>
        <translation>Recovery key replaced</translation>
    </message>
    <message>
        <source>打印恢复密钥页</source>
        <translation>Recovery key sheet printed</translation>
    </message>
    <message>
        <source>恢复密钥页保存为 PDF</source>
        <translation>Recovery key sheet saved as PDF</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>办理记录</source>
        <translation>Case step</translation>
    </message>
    <message>
        <source>登记簿</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>办理的记录</source>
        <translation>Record handled</translation>
    </message>
    <message>
        <source>办理步骤</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>原状态</source>
        <translation>Previous state</translation>
    </message>
    <message>
        <source>新状态</source>
        <translation>New state</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>文号</source>
        <translation>Document number</translation>
    </message>
    <message>
        <source>文件日期</source>
        <translation>Document date</translation>
    </message>
    <message>
        <source>批准人</source>
        <translation>Approved by</translation>
    </message>
    <message>
        <source>数据交换单位</source>
        <translation>Data exchange unit</translation>
    </message>
    <message>
        <source>数据包</source>
        <translation>Bundle</translation>
    </message>
    <message>
        <source>县级安全策略</source>
        <translation>County security policy</translation>
    </message>
    <message>
        <source>三员分立</source>
        <translation>Separation of duties</translation>
    </message>
    <message>
        <source>记录归属变更</source>
        <translation>Ownership transfer</translation>
    </message>
    <message>
        <source>{what}，{n} 行</source>
        <translation>{what}, {n} row(s)</translation>
    </message>
    <message>
        <source>编制配备汇总</source>
        <translation>Staffing summary</translation>
    </message>
    <message>
        <source>{type}（{code}）</source>
        <translation>{type} ({code})</translation>
    </message>
    <message>
        <source>审计日志完整：{n} 条，链条未断</source>
        <translation>Audit log intact: {n} entries, chain unbroken</translation>
    </message>
    <message>
        <source>审计日志在单位 {unit} 第 {seq} 条处断开：{reason}</source>
        <translation>The audit log breaks at entry {seq} of unit {unit}: {reason}</translation>
    </message>
    <message>
        <source>审计日志完整（{n} 条）</source>
        <translation>Audit log intact ({n} entries)</translation>
    </message>
    <message>
        <source>审计日志不完整：单位 {unit} 第 {seq} 条，{reason}。</source>
        <translation>Audit log broken: unit {unit}, entry {seq}: {reason}.</translation>
    </message>
    <message>
        <source>本机没有单位 {unit} 的审计日志。</source>
        <translation>This installation holds no audit log of unit {unit}.</translation>
    </message>
    <message>
        <source>身份证号码（查重用）</source>
        <translation>ID number (for finding duplicates)</translation>
    </message>
    <message>
        <source>知悉范围</source>
        <translation>Need-to-know</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>所属单位</source>
        <translation>Owning unit</translation>
    </message>
    <message>
        <source>表格</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>报表</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>导入模板</source>
        <translation>Import template</translation>
    </message>
    <message>
        <source>登记包</source>
        <translation>Enrolment package</translation>
    </message>
    <message>
        <source>冲突</source>
        <translation>conflicts</translation>
    </message>
    <message>
        <source>跳过</source>
        <translation>skipped</translation>
    </message>
    <message>
        <source>未变</source>
        <translation>unchanged</translation>
    </message>
    <message>
        <source>问题线索登记表</source>
        <translation>Problem lead register form</translation>
    </message>
    <message>
        <source>线索处置呈批表</source>
        <translation>Lead disposal approval form</translation>
    </message>
    <message>
        <source>签到表</source>
        <translation>Sign-in sheet</translation>
    </message>
    <message>
        <source>驻村（驻在）监督工作记录表</source>
        <translation>Village residency supervision record form</translation>
    </message>
    <message>
        <source>空白驻村（驻在）监督工作记录表</source>
        <translation>Blank village residency supervision record form</translation>
    </message>
    <message>
        <source>通报</source>
        <translation>Circular</translation>
    </message>
    <message>
        <source>廉政意见回复函</source>
        <translation>Integrity opinion reply letter</translation>
    </message>
    <message>
        <source>开启</source>
        <translation>on</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>off</translation>
    </message>
    <message>
        <source>统计表</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <source>覆盖情况（{year} 年）</source>
        <translation>Coverage ({year})</translation>
    </message>
    <message>
        <source>履职覆盖（{year} 年）</source>
        <translation>Duty coverage ({year})</translation>
    </message>
    <message>
        <source>{key}：{value}</source>
        <translation>{key}: {value}</translation>
    </message>
    <message>
        <source>{key} {n}</source>
        <translation>{key} {n}</translation>
    </message>
    <message>
        <source>{n} 行</source>
        <translation>{n} rows</translation>
    </message>
    <message>
        <source>（已筛选）</source>
        <translation>(filtered)</translation>
    </message>
    <message>
        <source>{parts}</source>
        <translation>{parts}</translation>
    </message>
    <message>
        <source>备份文件 {name}（{size} 字节）</source>
        <translation>Backup file {name} ({size} bytes)</translation>
    </message>
    <message>
        <source>自动备份文件 {name}（{size} 字节）</source>
        <translation>Automatic backup file {name} ({size} bytes)</translation>
    </message>
    <message>
        <source>从备份文件 {name} 恢复（备份制作于 {made}）</source>
        <translation>Restored from backup file {name} (made {made})</translation>
    </message>
    <message>
        <source>数据库从版本 {old} 升级到 {new}</source>
        <translation>Database upgraded from release {old} to {new}</translation>
    </message>
    <message>
        <source>申请把{what}记录的归属从 {owner} 变更为 {to}</source>
        <translation>Asked to transfer a {what} record from {owner} to {to}</translation>
    </message>
    <message>
        <source>记录归属从 {owner} 变更为 {to}</source>
        <translation>Record transferred from {owner} to {to}</translation>
    </message>
    <message>
        <source>不同意记录归属变更申请</source>
        <translation>Ownership transfer request refused</translation>
    </message>
    <message>
        <source>{register}{record}：{step}，{old} → {new}</source>
        <translation>{register}{record}: {step}, {old} → {new}</translation>
    </message>
    <message>
        <source>无操作自动锁定</source>
        <translation>Locked after inactivity</translation>
    </message>
    <message>
        <source>手动锁定</source>
        <translation>Locked by hand</translation>
    </message>
    <message>
        <source>数据冲突已处理</source>
        <translation>Data conflict settled</translation>
    </message>
    <message>
        <source>吊销数据交换密钥</source>
        <translation>Data exchange key revoked</translation>
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
    <message>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>登录失败</source>
        <translation>Failed log-in</translation>
    </message>
    <message>
        <source>退出登录</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>锁定</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>新增记录</source>
        <translation>Add record</translation>
    </message>
    <message>
        <source>修改记录</source>
        <translation>Change record</translation>
    </message>
    <message>
        <source>删除记录</source>
        <translation>Delete record</translation>
    </message>
    <message>
        <source>恢复记录</source>
        <translation>Restore record</translation>
    </message>
    <message>
        <source>查看敏感信息</source>
        <translation>View sensitive information</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>用户和角色变更</source>
        <translation>Change users and roles</translation>
    </message>
    <message>
        <source>修改密码</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>备份</source>
        <translation>Back up</translation>
    </message>
    <message>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>初始化安装</source>
        <translation>Set up installation</translation>
    </message>
    <message>
        <source>加密数据库</source>
        <translation>Encrypt database</translation>
    </message>
    <message>
        <source>安全策略变更</source>
        <translation>Security policy change</translation>
    </message>
    <message>
        <source>拒收数据包</source>
        <translation>Bundle refused</translation>
    </message>
    <message>
        <source>升级数据库</source>
        <translation>Upgrade the database</translation>
    </message>
    <message>
        <source>撤销操作</source>
        <translation>Undo an operation</translation>
    </message>
    <message>
        <source>内容被改动</source>
        <translation>content altered</translation>
    </message>
    <message>
        <source>前一条被删除或移动</source>
        <translation>previous entry deleted or moved</translation>
    </message>
    <message>
        <source>序号缺失</source>
        <translation>sequence number missing</translation>
    </message>
    <message>
        <source>被标记删除</source>
        <translation>marked deleted</translation>
    </message>
    <message>
        <source>末尾的条目缺失（本机曾记到第 {head} 条）</source>
        <translation>entries are missing at the end (this installation had recorded up to entry {head})</translation>
    </message>
    <message>
        <source>末尾的条目缺失（县纪委监委已确认收到第 {head} 条）</source>
        <translation>entries are missing at the end (the county commission confirmed receiving up to entry {head})</translation>
    </message>
    <message>
        <source>第 {head} 条已不是本机当初写下的那一条</source>
        <translation>entry {head} is no longer the one this installation wrote</translation>
    </message>
    <message>
        <source>第 {head} 条与县纪委监委已确认收到的不同</source>
        <translation>entry {head} differs from the one the county commission confirmed receiving</translation>
    </message>
    <message>
        <source>单位管理员</source>
        <translation>Unit administrator</translation>
    </message>
    <message>
        <source>书记（组长）</source>
        <translation>Secretary (Group Leader)</translation>
    </message>
    <message>
        <source>工作人员</source>
        <translation>Staff member</translation>
    </message>
    <message>
        <source>只读</source>
        <translation>Read-only</translation>
    </message>
    <message>
        <source>县级管理员</source>
        <translation>County administrator</translation>
    </message>
    <message>
        <source>审理人员</source>
        <translation>Case reviewer</translation>
    </message>
    <message>
        <source>审计员</source>
        <translation>Auditor</translation>
    </message>
    <message>
        <source>管理用户</source>
        <translation>Manage users</translation>
    </message>
    <message>
        <source>导出和导入数据包</source>
        <translation>Export and import data packages</translation>
    </message>
    <message>
        <source>录入和修改</source>
        <translation>Enter and edit records</translation>
    </message>
    <message>
        <source>备份和恢复</source>
        <translation>Back up and restore</translation>
    </message>
    <message>
        <source>查看审计日志</source>
        <translation>View the audit log</translation>
    </message>
    <message>
        <source>管理单位和数据交换登记</source>
        <translation>manage units and exchange enrolment</translation>
    </message>
    <message>
        <source>添加示范数据</source>
        <translation>add demo data</translation>
    </message>
    <message>
        <source>当前用户没有「{what}」的权限。</source>
        <translation>The current user does not have the “{what}” permission.</translation>
    </message>
    <message>
        <source>这条记录属于单位 {owner}，只能由该单位修改；本单位的意见请另行登记。</source>
        <translation>This record belongs to unit {owner} and only that unit may change it; record your own unit&apos;s opinion separately.</translation>
    </message>
    <message>
        <source>这些记录只由县纪委监委维护，本单位只能查看。</source>
        <translation>Only the county commission keeps these records; this unit can only view them.</translation>
    </message>
    <message>
        <source>「{title}」只在县纪委监委使用。</source>
        <translation>“{title}” is used only at the county commission.</translation>
    </message>
    <message>
        <source>填写可以查看的用户名，多个用逗号分隔；留空则本单位有相应权限的人员都可查看</source>
        <translation>User names of those who may view it, separated by commas; if empty, everyone in this unit with the required permission may view it</translation>
    </message>
    <message>
        <source>这条记录设定了知悉范围，当前用户不在其中，不能查看或修改。</source>
        <translation>This record has a need-to-know list that does not include the current user, who therefore cannot view or change it.</translation>
    </message>
    <message>
        <source>（受限）</source>
        <translation>(restricted)</translation>
    </message>
    <message>
        <source>（已加密）</source>
        <translation>(encrypted)</translation>
    </message>
    <message>
        <source>（无法解密）</source>
        <translation>(cannot be decrypted)</translation>
    </message>
    <message>
        <source>本机使用数据库服务器，数据由服务器自己的备份（例如 PostgreSQL 的 pg_dump）负责，本程序不制作也不恢复备份。</source>
        <translation>This installation uses a database server: its data is backed up by the server&apos;s own backups (such as PostgreSQL&apos;s pg_dump); this program neither makes nor restores backups.</translation>
    </message>
    <message>
        <source>备份文件已损坏或不完整：{name}。</source>
        <translation>The backup file is damaged or incomplete: {name}.</translation>
    </message>
    <message>
        <source>{name} 不是本程序的备份文件。</source>
        <translation>{name} is not a backup file of this program.</translation>
    </message>
    <message>
        <source>备份文件 {name} 来自更新版本的程序，请先升级本程序再恢复。</source>
        <translation>The backup file {name} comes from a newer version of the program; upgrade this program before restoring it.</translation>
    </message>
    <message>
        <source>用户名或密码不正确，无法打开这份备份。</source>
        <translation>Wrong user name or password: this backup cannot be opened.</translation>
    </message>
    <message>
        <source>恢复密钥不正确，无法打开这份备份。</source>
        <translation>Wrong recovery key: this backup cannot be opened.</translation>
    </message>
    <message>
        <source>用户 {user} 在这份备份中没有「备份和恢复」的权限，请用管理员账号或恢复密钥。</source>
        <translation>In this backup, user {user} does not have the “Back up and restore” permission; use an administrator account or the recovery key.</translation>
    </message>
    <message>
        <source>备份中的数据库无法打开或检查未通过，备份文件可能已损坏：{name}。</source>
        <translation>The database in the backup cannot be opened or fails its check; the backup file may be damaged: {name}.</translation>
    </message>
    <message>
        <source>数据目录 {dir} 里已经有数据。要用备份替换它，请确认替换（命令行：restore --replace）。</source>
        <translation>The data folder {dir} already holds data. To replace it with the backup, confirm the replacement (command line: restore --replace).</translation>
    </message>
    <message>
        <source>找不到保存备份的文件夹：{dir}。</source>
        <translation>The folder for the backup does not exist: {dir}.</translation>
    </message>
    <message>
        <source>{path} 已经存在，而且不是备份文件（.jwbak），不会覆盖它。请换一个文件名或文件夹。</source>
        <translation>{path} already exists and is not a backup file (.jwbak); it will not be overwritten. Please choose another file name or folder.</translation>
    </message>
    <message>
        <source>密码不正确。</source>
        <translation>Incorrect password.</translation>
    </message>
    <message>
        <source>连续输错密码，请 {n} 秒后再试。</source>
        <translation>Too many wrong passwords. Please try again in {n} seconds.</translation>
    </message>
    <message>
        <source>该账号已停用，请联系单位管理员。</source>
        <translation>This account has been deactivated. Please contact the unit administrator.</translation>
    </message>
    <message>
        <source>首次启用加密须由单位管理员登录。</source>
        <translation>To turn on encryption for the first time, a unit administrator must log in.</translation>
    </message>
    <message>
        <source>恢复密钥不正确。</source>
        <translation>Wrong recovery key.</translation>
    </message>
    <message>
        <source>没有名为 {user} 的账号。</source>
        <translation>There is no account named {user}.</translation>
    </message>
    <message>
        <source>账号 {user} 已停用，不能用恢复密钥重设它的密码。</source>
        <translation>The account {user} is deactivated; its password cannot be reset with the recovery key.</translation>
    </message>
    <message>
        <source>本数据目录没有恢复密钥（尚未初始化或尚未加密）。</source>
        <translation>This data folder has no recovery key (not set up, or not encrypted yet).</translation>
    </message>
    <message>
        <source>当前账号不持有全部密钥，不能生成新的恢复密钥。</source>
        <translation>This account does not hold all keys and cannot make a new recovery key.</translation>
    </message>
    <message>
        <source>请选择角色。</source>
        <translation>Please choose a role.</translation>
    </message>
    <message>
        <source>本机不能使用这个角色。</source>
        <translation>This role cannot be used on this computer.</translation>
    </message>
    <message>
        <source>当前登录的账号不持有敏感信息密钥，不能设置可查看敏感信息的角色。</source>
        <translation>The account logged in does not hold the key for sensitive information, so it cannot give anyone a role that may view sensitive information.</translation>
    </message>
    <message>
        <source>请填写密码。</source>
        <translation>Please enter the password.</translation>
    </message>
    <message>
        <source>没有用户「{name}」。</source>
        <translation>There is no user “{name}”.</translation>
    </message>
    <message>
        <source>至少要保留一名在用的单位管理员：这是最后一名，不能停用或改为其他角色。</source>
        <translation>At least one active unit administrator must remain: this is the last one, who cannot be deactivated or given another role.</translation>
    </message>
    <message>
        <source>用户名只能用字母、数字和 . _ -，2 到 64 位。</source>
        <translation>The user name may contain only letters, digits and . _ -, 2 to 64 characters.</translation>
    </message>
    <message>
        <source>「{name}」是系统保留的名称，请换一个。</source>
        <translation>“{name}” is reserved by the system; please choose another name.</translation>
    </message>
    <message>
        <source>姓名最多 {n} 个字。</source>
        <translation>The name can have at most {n} characters.</translation>
    </message>
    <message>
        <source>用户名「{name}」已被使用（停用的账号也占用用户名）。</source>
        <translation>The user name “{name}” is already taken (deactivated accounts keep their user names).</translation>
    </message>
    <message>
        <source>不能修改自己的角色，请由另一名单位管理员修改。</source>
        <translation>You cannot change your own role; another unit administrator has to do it.</translation>
    </message>
    <message>
        <source>新角色{change}，须同时为该用户设置新密码：他的密钥要用新密码重新封存。请把新密码告知本人。</source>
        <translation>With the new role the user {change}, so a new password must be set at the same time: the user&apos;s key has to be sealed again with the new password. Tell the user the new password.</translation>
    </message>
    <message>
        <source>可以查看敏感信息</source>
        <translation>can view sensitive information</translation>
    </message>
    <message>
        <source>不能再查看敏感信息</source>
        <translation>can no longer view sensitive information</translation>
    </message>
    <message>
        <source>自己的密码请用「修改密码」修改（需要输入原密码）。</source>
        <translation>Change your own password with “Change password” (the current password is needed).</translation>
    </message>
    <message>
        <source>该账号已停用，请先启用（启用时设置新密码）。</source>
        <translation>This account is deactivated; reactivate it first (a new password is set when reactivating).</translation>
    </message>
    <message>
        <source>不能停用自己的账号。</source>
        <translation>You cannot deactivate your own account.</translation>
    </message>
    <message>
        <source>该账号正在使用，无需启用。</source>
        <translation>This account is already active.</translation>
    </message>
    <message>
        <source>当前登录的账号不持有敏感信息密钥，不能启用可查看敏感信息的账号。</source>
        <translation>The account logged in does not hold the key for sensitive information, so it cannot reactivate an account that may view sensitive information.</translation>
    </message>
    <message>
        <source>原密码不正确。</source>
        <translation>The current password is incorrect.</translation>
    </message>
    <message>
        <source>新密码不能与原密码相同。</source>
        <translation>The new password must differ from the current one.</translation>
    </message>
    <message>
        <source>谈话不发函询函，请用「开始办理」。</source>
        <translation>A talk sends no letter; use “Start”.</translation>
    </message>
    <message>
        <source>送达日期不能早于发函日期。</source>
        <translation>The delivery date cannot be before the date the letter was sent.</translation>
    </message>
    <message>
        <source>回复日期不能早于函询函送达日期。</source>
        <translation>The reply date cannot be before the letter was delivered.</translation>
    </message>
    <message>
        <source>函询须对回复作出评估后才能报告结果。</source>
        <translation>Assess the written reply before reporting the result of a letter inquiry.</translation>
    </message>
    <message>
        <source>函询不当面谈话，请用「发出函询函」。</source>
        <translation>A letter inquiry holds no talk; use “Send the inquiry letter”.</translation>
    </message>
    <message>
        <source>{what}须由两名以上工作人员进行，请填写主办人和协办人。</source>
        <translation>{what} needs at least two staff members: enter the lead and the assisting handler.</translation>
    </message>
    <message>
        <source>协办人不能与主办人是同一人。</source>
        <translation>The assisting handler cannot be the same person as the lead handler.</translation>
    </message>
    <message>
        <source>线索 {number} 尚未决定采用「{what}」方式处置。</source>
        <translation>Clue {number} has not been assigned the disposal “{what}”.</translation>
    </message>
    <message>
        <source>完成日期不能早于开始日期。</source>
        <translation>The completion date cannot be before the start date.</translation>
    </message>
    <message>
        <source>谈话函询</source>
        <translation>Talk or letter inquiry</translation>
    </message>
    <message>
        <source>谈话</source>
        <translation>Talk</translation>
    </message>
    <message>
        <source>初步核实</source>
        <translation>Preliminary verification</translation>
    </message>
    <message>
        <source>立案日期不能早于立案审批日期。</source>
        <translation>The filing date cannot be before the filing approval date.</translation>
    </message>
    <message>
        <source>审结日期不能早于移送审理日期。</source>
        <translation>The conclusion date cannot be before the date the case was sent for trial.</translation>
    </message>
    <message>
        <source>县纪委监委本级案件须经案件审理室审理、提出审理意见后才能审结。</source>
        <translation>A case of the county commission can be concluded only after the case-trial office has tried it and given its opinion.</translation>
    </message>
    <message>
        <source>乡镇和派驻组的案件须经县纪委监委协审（乡案县审）：收到县纪委监委的协审意见后才能审结。</source>
        <translation>A township&apos;s or a dispatched group&apos;s case must be co-reviewed by the county commission: it can be concluded only once the county&apos;s co-review opinion has arrived.</translation>
    </message>
    <message>
        <source>审理（协审）意见为退回补充调查，请先「退回补充调查」。</source>
        <translation>The trial (co-review) opinion returns the case for further investigation; take “Return for further investigation” first.</translation>
    </message>
    <message>
        <source>线索 {number} 处于「{state}」状态，不能据此立案。</source>
        <translation>Clue {number} has the status “{state}”; a case cannot be filed from it.</translation>
    </message>
    <message>
        <source>该日期不能早于立案日期。</source>
        <translation>This date cannot be before the filing date.</translation>
    </message>
    <message>
        <source>该单位是本案的承办单位，不必再登记为协办单位。</source>
        <translation>This unit is the case&apos;s handling unit; it need not be registered as a unit taking part.</translation>
    </message>
    <message>
        <source>该单位已登记为本案的协办单位。</source>
        <translation>This unit is already registered as taking part in the case.</translation>
    </message>
    <message>
        <source>参与日期不能早于立案日期。</source>
        <translation>The date of joining cannot be before the filing date.</translation>
    </message>
    <message>
        <source>只有「退回补充调查」的协审才能重新提请。</source>
        <translation>Only a co-review that returned the case for further investigation can be requested again.</translation>
    </message>
    <message>
        <source>案件补充调查后重新移送审理，才能重新提请协审。</source>
        <translation>The co-review can be requested again only once the case has been sent for trial again after further investigation.</translation>
    </message>
    <message>
        <source>意见日期不能早于提请日期。</source>
        <translation>The opinion date cannot be before the request date.</translation>
    </message>
    <message>
        <source>提请协审日期不能早于立案日期。</source>
        <translation>The co-review request date cannot be before the filing date.</translation>
    </message>
    <message>
        <source>案件 {number} 处于「{state}」状态，尚未移送审理（提请协审）。</source>
        <translation>Case {number} is “{state}”: it has not been sent for trial (co-review) yet.</translation>
    </message>
    <message>
        <source>协审用于乡镇和派驻组的案件；县纪委监委本级案件请登记「审理」。</source>
        <translation>Co-review is for the cases of townships and dispatched groups; enter a case of the county commission under “Trial”.</translation>
    </message>
    <message>
        <source>{name} 在人员库中不是中共党员，不能给予{measure}。如有误，请先在人员库中更正。</source>
        <translation>{name} is not a Party member in the person register and cannot be given {measure}. If that is wrong, correct the person register first.</translation>
    </message>
    <message>
        <source>{name} 在人员库中不是监察对象，不能给予{measure}。如有误，请先在人员库中更正。</source>
        <translation>{name} is not a person under supervision in the person register and cannot be given {measure}. If that is wrong, correct the person register first.</translation>
    </message>
    <message>
        <source>{name} 是基层群众性自治组织中从事管理的人员，政务处分只能是警告、记过或记大过，不能给予{measure}。</source>
        <translation>{name} is a manager of a grassroots self-governing organisation: the only administrative sanctions are a warning, a demerit or a major demerit, not {measure}.</translation>
    </message>
    <message>
        <source>巡察移交的线索涉及乡镇干部或村干部，由乡镇纪委办理和计数，请选择该乡镇纪委。</source>
        <translation>This clue referred by an inspection tour concerns a township or village cadre: the township commission handles and counts it. Please choose that township commission.</translation>
    </message>
    <message>
        <source>巡察移交的线索涉及县管干部，由县纪委监委（委机关室）办理和计数，请选择县纪委监委或其室。</source>
        <translation>This inspection-transferred clue concerns a county-managed cadre: the county commission (one of its offices) handles and counts it. Choose the county commission or one of its offices.</translation>
    </message>
    <message>
        <source>巡察移交的线索由初核的派驻纪检监察组办理和计数，请选择该派驻组。</source>
        <translation>Clues referred by inspection tours are handled and counted by the dispatched group that verified them: please choose that group.</translation>
    </message>
    <message>
        <source>「{measure}」不是{kind}的处理方式，可选：{allowed}</source>
        <translation>“{measure}” is not a measure of {kind}; choose from: {allowed}</translation>
    </message>
    <message>
        <source>问责党组织须填写被问责的党组织名称。</source>
        <translation>Accountability of a Party organisation needs the name of that organisation.</translation>
    </message>
    <message>
        <source>问责党组织的记录不填写个人；对个人问责请选「问责（个人）」。</source>
        <translation>A record of a Party organisation&apos;s accountability names no person; for a person choose “Accountability (person)”.</translation>
    </message>
    <message>
        <source>只有问责党组织的记录才填写党组织名称。</source>
        <translation>Only a record of a Party organisation&apos;s accountability names a Party organisation.</translation>
    </message>
    <message>
        <source>指导领办的须选择指导科室。</source>
        <translation>For matters guided by the county, choose the guiding office.</translation>
    </message>
    <message>
        <source>选了指导科室，请同时勾选「指导领办」。</source>
        <translation>A guiding office is chosen: please also tick “Guided by the county”.</translation>
    </message>
    <message>
        <source>案件 {number} 尚未审结，不能作出处分决定。</source>
        <translation>Case {number} has not been concluded yet: no sanction can be decided on it.</translation>
    </message>
    <message>
        <source>处分决定日期不能早于案件审结日期。</source>
        <translation>The decision date cannot be before the case was concluded.</translation>
    </message>
    <message>
        <source>撤销或变更处分须有相应的申诉、复审或复核决定。</source>
        <translation>A sanction is revoked or changed only by a decision on an appeal, review or recheck saying so.</translation>
    </message>
    <message>
        <source>宣布送达日期不能早于决定日期。</source>
        <translation>The announcement date cannot be before the decision date.</translation>
    </message>
    <message>
        <source>执行日期不能早于宣布送达日期。</source>
        <translation>The execution date cannot be before the announcement date.</translation>
    </message>
    <message>
        <source>回访日期不能早于执行日期。</source>
        <translation>The follow-up visit cannot be before the execution date.</translation>
    </message>
    <message>
        <source>「{staff}」申报过与「{person}」的回避关系：{relation}。</source>
        <translation>“{staff}” has declared a tie to “{person}” calling for recusal: {relation}.</translation>
    </message>
    <message>
        <source>「{staff}」与被反映人同在「{unit}」。</source>
        <translation>“{staff}” works in the same unit as the person reported on: “{unit}”.</translation>
    </message>
    <message>
        <source>「{staff}」的籍贯村与被反映人所在村相同（{village}）。</source>
        <translation>“{staff}” comes from the village of the person reported on ({village}).</translation>
    </message>
    <message>
        <source>已转为问题线索 {number}</source>
        <translation>Turned into problem clue {number}</translation>
    </message>
    <message>
        <source>全部年度</source>
        <translation>All years</translation>
    </message>
    <message>
        <source>全年</source>
        <translation>Whole year</translation>
    </message>
    <message>
        <source>未处置</source>
        <translation>Not disposed of</translation>
    </message>
    <message>
        <source>尚无结果</source>
        <translation>No result yet</translation>
    </message>
    <message>
        <source>统计分析</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <source>截止日期不能早于起始日期。</source>
        <translation>The end date cannot be before the start date.</translation>
    </message>
    <message>
        <source>按日期范围统计时不能同时选择年度或季度。</source>
        <translation>A date range cannot be combined with a year or a quarter.</translation>
    </message>
    <message>
        <source>{end} 及以前</source>
        <translation>up to {end}</translation>
    </message>
    <message>
        <source>{start} 以来</source>
        <translation>since {start}</translation>
    </message>
    <message>
        <source>{start} 至 {end}</source>
        <translation>{start} to {end}</translation>
    </message>
    <message>
        <source>未知单位</source>
        <translation>Unknown unit</translation>
    </message>
    <message>
        <source>各项工作（条）：{counts}</source>
        <translation>Daily work (records): {counts}</translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <source>统计期间：{period}</source>
        <translation>Period: {period}</translation>
    </message>
    <message>
        <source>运用第一种形态 {total} 人次，其中乡镇纪委 {township} 人次，占 {share}；指导领办 {guided} 人次，占 {guided_share}</source>
        <translation>First form applied: {total} person-times, of which township commissions {township} ({share}); guided by the county {guided} ({guided_share})</translation>
    </message>
    <message>
        <source>四种形态：{forms}</source>
        <translation>Four forms: {forms}</translation>
    </message>
    <message>
        <source>&#x3000;{unit_type}：{forms}</source>
        <translation>&#x3000;{unit_type}: {forms}</translation>
    </message>
    <message>
        <source>&#x3000;&#x3000;{name}：{forms}，合计 {total}</source>
        <translation>&#x3000;&#x3000;{name}: {forms}, total {total}</translation>
    </message>
    <message>
        <source>协审 {n} 件（{results}）</source>
        <translation>Co-reviews: {n} ({results})</translation>
    </message>
    <message>
        <source>巡察移交线索 {transferred} 件，派驻组初步核实 {verified} 件，以第一种形态处理 {first} 人次</source>
        <translation>Clues referred by inspection tours: {transferred}; preliminary verification by dispatched groups: {verified}; handled under the first form: {first} person-times</translation>
    </message>
    <message>
        <source>&#x3000;初核结果：{outcomes}</source>
        <translation>&#x3000;Verification outcomes: {outcomes}</translation>
    </message>
    <message>
        <source>派驻组参与办理的案件 {n} 件</source>
        <translation>Cases with dispatched-group participation: {n}</translation>
    </message>
    <message>
        <source>派驻组参与查办案件 {n} 件（次）：承办 {handled} 件，协办 {taking_part} 件次</source>
        <translation>Cases with dispatched-group participation: {n} (handled: {handled}; taking part: {taking_part})</translation>
    </message>
    <message>
        <source>问题线索 {n} 件，按来源：{sources}</source>
        <translation>Problem clues: {n}; by source: {sources}</translation>
    </message>
    <message>
        <source>&#x3000;按处置方式：{disposals}</source>
        <translation>&#x3000;By disposal: {disposals}</translation>
    </message>
    <message>
        <source>{document}文号</source>
        <translation>{document} number</translation>
    </message>
    <message>
        <source>{document}日期</source>
        <translation>{document} date</translation>
    </message>
    <message>
        <source>历史台账导入</source>
        <translation>Imported from an old ledger</translation>
    </message>
    <message>
        <source>没有「{step}」这一办理环节。</source>
        <translation>There is no step “{step}”.</translation>
    </message>
    <message>
        <source>当前状态为「{state}」，不能「{step}」。此时可以：{allowed}</source>
        <translation>The status is “{state}”, so “{step}” is not possible. Possible now: {allowed}</translation>
    </message>
    <message>
        <source>（无，已是最终状态）</source>
        <translation>(nothing: this is the final status)</translation>
    </message>
    <message>
        <source>「{step}」只能由县纪委监委办理。</source>
        <translation>Only the county commission can take “{step}”.</translation>
    </message>
    <message>
        <source>请写明「{step}」的理由或依据。</source>
        <translation>Please give the reason or basis for “{step}”.</translation>
    </message>
    <message>
        <source>「{step}」须填写「{label}」。</source>
        <translation>“{step}” requires “{label}”.</translation>
    </message>
    <message>
        <source>「{state}」的记录不能从台账导入（可导入的状态：{allowed}）。</source>
        <translation>A record in the state “{state}” cannot be imported from a ledger (states that can: {allowed}).</translation>
    </message>
    <message>
        <source>状态为「{state}」的记录须填写「{label}」（「{step}」环节的要求）。</source>
        <translation>A record in the state “{state}” needs “{label}” (required by the step “{step}”).</translation>
    </message>
    <message>
        <source>「{label}」须填写 1 到 180 的整数。</source>
        <translation>“{label}” must be a whole number from 1 to 180.</translation>
    </message>
    <message>
        <source>单位名录中没有县纪委监委，无法上报。</source>
        <translation>The unit directory holds no county commission: nothing can be reported up.</translation>
    </message>
    <message>
        <source>登记</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>「{path}」不是目录，请指定一个空目录或不存在的目录。</source>
        <translation>“{path}” is not a folder. Please name an empty folder or one that does not exist yet.</translation>
    </message>
    <message>
        <source>目录「{path}」不是空的，请指定一个空目录或不存在的目录。</source>
        <translation>The folder “{path}” is not empty. Please name an empty folder or one that does not exist yet.</translation>
    </message>
    <message>
        <source>无法建立示范县目录：{reason}</source>
        <translation>Cannot create the demo county folder: {reason}</translation>
    </message>
    <message>
        <source>请选择一个村（社区）或一个被监督单位，二者选其一。</source>
        <translation>Choose either a village (community) or a supervised unit, not both.</translation>
    </message>
    <message>
        <source>写成 2026-11 的样子（年份、-、两位月份）</source>
        <translation>Write it like 2026-11 (year, -, two-digit month)</translation>
    </message>
    <message>
        <source>检查对象是本乡镇党委时，不要再选村（社区）或被监督单位。</source>
        <translation>When the township&apos;s own Party committee is checked, choose no village (community) or supervised unit.</translation>
    </message>
    <message>
        <source>只有乡镇纪委可以登记对本乡镇党委的检查。</source>
        <translation>Only a township commission can record a check of its own township Party committee.</translation>
    </message>
    <message>
        <source>检查对象是村（社区）时，请选择一个村（社区）。</source>
        <translation>When a village (community) is checked, choose the village (community).</translation>
    </message>
    <message>
        <source>检查对象是被监督单位时，请选择一个被监督单位。</source>
        <translation>When a supervised unit is checked, choose the supervised unit.</translation>
    </message>
    <message>
        <source>请选择检查对象。</source>
        <translation>Choose what was checked.</translation>
    </message>
    <message>
        <source>签订日期不能晚于今天。</source>
        <translation>The signing date cannot be later than today.</translation>
    </message>
    <message>
        <source>纪检监察干部签订的承诺，请选择签订人。</source>
        <translation>For a pledge signed by discipline inspection staff, choose the staff member who signed.</translation>
    </message>
    <message>
        <source>「{staff}」不是本单位的工作人员。</source>
        <translation>“{staff}” is not a staff member of this unit.</translation>
    </message>
    <message>
        <source>只有纪检监察干部才选择工作人员，请清空此项。</source>
        <translation>A staff member is chosen only for discipline inspection staff; clear this field.</translation>
    </message>
    <message>
        <source>村（社区）干部签订的承诺，请选择所在村（社区）。</source>
        <translation>For a pledge signed by a village (community) cadre, choose the village (community).</translation>
    </message>
    <message>
        <source>只能选择本乡镇的村（社区）。</source>
        <translation>Only villages (communities) of this township can be chosen.</translation>
    </message>
    <message>
        <source>请填写签订人姓名，或选择工作人员、人员库记录。</source>
        <translation>Enter the signer&apos;s name, or choose a staff member or a person record.</translation>
    </message>
    <message>
        <source>清廉家庭倡议书须由家庭成员共同签订，请填写签订的家庭成员。</source>
        <translation>The clean-family pledge is signed together with a family member: enter the family member who signed.</translation>
    </message>
    <message>
        <source>廉洁自律承诺书由本人签订，不填家庭成员；家庭共签请选「清廉家庭倡议书」。</source>
        <translation>The integrity pledge is signed by the cadre alone, with no family member; for a pledge signed with the family choose “Clean-family pledge”.</translation>
    </message>
    <message>
        <source>开展日期不能晚于今天。</source>
        <translation>The date held cannot be later than today.</translation>
    </message>
    <message>
        <source>参观警示教育基地须写明基地名称（地点）。</source>
        <translation>For a visit to a warning-education base, give the base&apos;s name (place).</translation>
    </message>
    <message>
        <source>请选择组织开展的单位。</source>
        <translation>Choose the unit that held it.</translation>
    </message>
    <message>
        <source>只能选择本派驻组的被监督单位。</source>
        <translation>Only units supervised by this dispatched group can be chosen.</translation>
    </message>
    <message>
        <source>检查日期不能晚于今天。</source>
        <translation>The check date cannot be later than today.</translation>
    </message>
    <message>
        <source>请填写签字背书的事项（函询回复请选择所回复的函询）。</source>
        <translation>Enter the matter signed off (for a reply to an inquiry letter, choose the letter inquiry).</translation>
    </message>
    <message>
        <source>签字日期不能晚于检查日期。</source>
        <translation>The signing date cannot be later than the check date.</translation>
    </message>
    <message>
        <source>请填写所检查的季度。</source>
        <translation>Enter the quarter checked.</translation>
    </message>
    <message>
        <source>大额资金使用须填写金额（元）。</source>
        <translation>Use of large funds needs the amount (yuan).</translation>
    </message>
    <message>
        <source>列席监督的日期就是会议日期。</source>
        <translation>Supervision by attending is dated on the meeting day.</translation>
    </message>
    <message>
        <source>事后审查的日期不能早于会议日期。</source>
        <translation>A review afterwards cannot be dated before the meeting.</translation>
    </message>
    <message>
        <source>任期结束不能早于任期开始。</source>
        <translation>The term cannot end before it starts.</translation>
    </message>
    <message>
        <source>该村（社区）同一任期已有村务监督委员会主任「{name}」。</source>
        <translation>This village (community) already has a supervision committee chair for the same term: &quot;{name}&quot;.</translation>
    </message>
    <message>
        <source>日期不能晚于今天。</source>
        <translation>The date cannot be later than today.</translation>
    </message>
    <message>
        <source>报告日期不能晚于今天。</source>
        <translation>The report date cannot be later than today.</translation>
    </message>
    <message>
        <source>报告日期不能早于所报月份。</source>
        <translation>The report date cannot be earlier than the month reported.</translation>
    </message>
    <message>
        <source>请填写联络员（或在村（社区）登记中填写村级纪检监察员）。</source>
        <translation>Enter the liaison (or enter the village discipline liaison in the village register).</translation>
    </message>
    <message>
        <source>驻村（在）日期不能晚于今天。</source>
        <translation>The residency date cannot be later than today.</translation>
    </message>
    <message>
        <source>实际驻村（在）日期须在安排的季度（{quarter}）内；跨季度请另行安排。</source>
        <translation>The actual residency date must fall in the planned quarter ({quarter}); for another quarter, plan a new visit.</translation>
    </message>
    <message>
        <source>「{staff}」的籍贯村就是「{village}」，按回避要求不宜安排。</source>
        <translation>“{staff}” comes from “{village}”; under the recusal rules they should not be sent there.</translation>
    </message>
    <message>
        <source>检查日期不能早于所属季度。</source>
        <translation>The check date cannot be before its quarter.</translation>
    </message>
    <message>
        <source>已驻</source>
        <translation>Visited</translation>
    </message>
    <message>
        <source>已安排</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>未驻</source>
        <translation>Missed</translation>
    </message>
    <message>
        <source>未安排</source>
        <translation>Not planned</translation>
    </message>
    <message>
        <source>已报</source>
        <translation>Reported</translation>
    </message>
    <message>
        <source>未报</source>
        <translation>Not reported</translation>
    </message>
    <message>
        <source>待报</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>录入纸质记录表</source>
        <translation>Entered from the paper record sheet</translation>
    </message>
    <message>
        <source>这份记录表已经录入，只能查看；如需修改，请先在「办理」中「退回修改」。</source>
        <translation>This record sheet has already been entered and can only be viewed. To change it, first choose “Return for correction” under “Next step”.</translation>
    </message>
    <message>
        <source>这次驻村（驻在）已取消，只能查看。</source>
        <translation>This residency visit was cancelled and can only be viewed.</translation>
    </message>
    <message>
        <source>本单位没有可安排的在岗人员，请先在「人员与岗位」中登记。</source>
        <translation>This unit has no staff in post to plan with. Enter them under “Staff and posts” first.</translation>
    </message>
    <message>
        <source>找不到这个单位。</source>
        <translation>This unit cannot be found.</translation>
    </message>
    <message>
        <source>只有乡镇纪委和派驻纪检监察组安排驻村（驻在）。</source>
        <translation>Only township commissions and dispatched groups plan residency visits.</translation>
    </message>
    <message>
        <source>没有可以回避后安排的人员</source>
        <translation>Nobody left to plan after recusal</translation>
    </message>
    <message>
        <source>只有一人可安排，请补充</source>
        <translation>Only one person available; please add another</translation>
    </message>
    <message>
        <source>数据包已损坏或被篡改：{name}。</source>
        <translation>The data package is damaged or has been tampered with: {name}.</translation>
    </message>
    <message>
        <source>数据包不是发给本单位的：{name}。</source>
        <translation>The data package is not addressed to this unit: {name}.</translation>
    </message>
    <message>
        <source>数据包的签名不是已登记单位的（发送单位未登记或已被撤销）：{name}。</source>
        <translation>The data package is not signed by a registered unit (the sender is not registered or has been revoked): {name}.</translation>
    </message>
    <message>
        <source>数据包的格式不受支持，可能来自更新版本的程序：{name}。</source>
        <translation>The data package format is not supported; it may come from a newer version of the program: {name}.</translation>
    </message>
    <message>
        <source>数据包来自另一个县：{name}。</source>
        <translation>The data package comes from another county: {name}.</translation>
    </message>
    <message>
        <source>无法读取数据包文件：{name}。</source>
        <translation>Cannot read the data package file: {name}.</translation>
    </message>
    <message>
        <source>{name} 不是普通文件（可能是设备或管道），不能作为数据包导入。</source>
        <translation>{name} is not a regular file (perhaps a device or a pipe) and cannot be imported as a bundle.</translation>
    </message>
    <message>
        <source>数据包 {name} 超过 4 GiB 的上限，不能导入。</source>
        <translation>Bundle {name} is larger than the 4 GiB limit and cannot be imported.</translation>
    </message>
    <message>
        <source>本机的密钥无法使用，请重新登记本单位。</source>
        <translation>This computer&apos;s key cannot be used. Please register this unit again.</translation>
    </message>
    <message>
        <source>无法在 {dir} 写入数据包，请检查U盘是否已插好、是否还有空间。</source>
        <translation>Cannot write the data package in {dir}. Check that the USB drive is plugged in and has space left.</translation>
    </message>
    <message>
        <source>数据包写入后读回校验不一致，U盘可能有问题：{name}。</source>
        <translation>The data package read back after writing does not match; the USB drive may be faulty: {name}.</translation>
    </message>
    <message>
        <source>本机尚未登记数据交换密钥：乡镇和派驻组须用县里的登记包初始化。</source>
        <translation>This computer has no data exchange key yet: townships and dispatched groups must be set up with the county&apos;s registration package.</translation>
    </message>
    <message>
        <source>只有县纪委监委的安装才能登记单位。</source>
        <translation>Only the installation of the county commission for discipline inspection and supervision can register units.</translation>
    </message>
    <message>
        <source>登记包口令至少 8 个字符。</source>
        <translation>The registration package passphrase must be at least 8 characters.</translation>
    </message>
    <message>
        <source>只有县纪委监委的数据包可以吊销单位的密钥（{code} 的数据包带有吊销名单）。</source>
        <translation>Only the county commission&apos;s bundles may revoke a unit&apos;s keys (the bundle from {code} carries a revocation list).</translation>
    </message>
    <message>
        <source>没有代码为 {code} 的乡镇纪委或派驻组，请先登记该单位。</source>
        <translation>There is no township commission or dispatched group with the code {code}. Register the unit first.</translation>
    </message>
    <message>
        <source>单位 {code} 没有登记过数据交换。</source>
        <translation>Unit {code} has not been registered for data exchange.</translation>
    </message>
    <message>
        <source>本机与登记时的电脑不一致（可能是复制的系统镜像），须由县纪委监委重新登记后才能导出。</source>
        <translation>This computer is not the one that was registered (it may be a copied system image); the county commission must register it again before it can export.</translation>
    </message>
    <message>
        <source>县纪委监委导出时须用 --to 指定单位。</source>
        <translation>When exporting from the county commission, name the unit with --to.</translation>
    </message>
    <message>
        <source>单位 {code} 的密钥已被吊销，须重新登记。</source>
        <translation>Unit {code}&apos;s key has been revoked; the unit must be registered again.</translation>
    </message>
    <message>
        <source>没有代码为 {code} 的单位。</source>
        <translation>There is no unit with the code {code}.</translation>
    </message>
    <message>
        <source>无法写入数据包：{reason}</source>
        <translation>Cannot write the data package: {reason}</translation>
    </message>
    <message>
        <source>本机还没有登记过任何单位，不能导入数据包。</source>
        <translation>No unit has been registered on this computer yet, so data packages cannot be imported.</translation>
    </message>
    <message>
        <source>数据包 {names}</source>
        <translation>bundle {names}</translation>
    </message>
    <message>
        <source>数据包来自其他县（{county}），不能导入。</source>
        <translation>The data package comes from another county ({county}) and cannot be imported.</translation>
    </message>
    <message>
        <source>数据包不是发给本单位的。</source>
        <translation>The data package is not addressed to this unit.</translation>
    </message>
    <message>
        <source>发送单位 {code} 未登记或已被吊销。</source>
        <translation>The sending unit {code} is not registered or has been revoked.</translation>
    </message>
    <message>
        <source>乡镇和派驻组只接收县纪委监委的数据包。</source>
        <translation>Townships and dispatched groups accept data packages only from the county commission.</translation>
    </message>
    <message>
        <source>该数据包已经导入过，没有变化。</source>
        <translation>This data package has already been imported; nothing changed.</translation>
    </message>
    <message>
        <source>数据包已过期：{code} 第 {n} 号之后的数据包已经导入，其内容已包含在内。</source>
        <translation>The data package is out of date: package No. {n} from {code} has already been imported and already contains it.</translation>
    </message>
    <message>
        <source>数据包 {name} 超出发送单位的权限，整个数据包未导入：{reason}</source>
        <translation>Bundle {name} goes beyond what its sender may change; nothing of it was imported: {reason}</translation>
    </message>
    <message>
        <source>数据包 {name} 的记录无法并入本机数据（{reason}），整个数据包未导入。</source>
        <translation>The records of data package {name} cannot be merged into this installation&apos;s data ({reason}); nothing from the package was imported.</translation>
    </message>
    <message>
        <source>数据包的生成时间 {created} 晚于本机时间 {now}（允许误差 1 天）：请检查发送单位和本机电脑的日期。</source>
        <translation>The bundle was made at {created}, later than this computer&apos;s time {now} (1 day of difference allowed): check the date on the sender&apos;s computer and on this one.</translation>
    </message>
    <message>
        <source>没有编号为 {id} 的数据冲突。</source>
        <translation>There is no data conflict with the ID {id}.</translation>
    </message>
    <message>
        <source>该数据冲突已由 {user} 处理过，不能再次处理。</source>
        <translation>This data conflict has already been resolved by {user} and cannot be resolved again.</translation>
    </message>
    <message>
        <source>冲突涉及的记录已不存在。</source>
        <translation>The record in this conflict no longer exists.</translation>
    </message>
    <message>
        <source>字段 {field} 不在这条冲突中。</source>
        <translation>The field {field} is not part of this conflict.</translation>
    </message>
    <message>
        <source>已删除</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>登记包口令不对或文件已损坏：{name}。</source>
        <translation>Wrong registration package passphrase, or the file is damaged: {name}.</translation>
    </message>
    <message>
        <source>无法写入登记包：{name}。</source>
        <translation>Cannot write the registration package: {name}.</translation>
    </message>
    <message>
        <source>另一个程序正在写入数据库，本次操作等待过久，没有完成。请稍后再试。</source>
        <translation>Another program is writing to the database and this operation waited too long, so it was not done. Please try again later.</translation>
    </message>
    <message>
        <source>没有名为 {name} 的登记簿（info --json 的 records 列出全部）。</source>
        <translation>There is no register named {name} (the records of info --json lists them all).</translation>
    </message>
    <message>
        <source>{title}中没有编号为 {id} 的记录。</source>
        <translation>{title} has no record with the id {id}.</translation>
    </message>
    <message>
        <source>须确认后才能保存（加 --confirm）：{warnings}</source>
        <translation>Saving needs a confirmation (add --confirm): {warnings}</translation>
    </message>
    <message>
        <source>已保存{title}记录 {id}。</source>
        <translation>Saved {title} record {id}.</translation>
    </message>
    <message>
        <source>已删除{title}记录 {id}。</source>
        <translation>Deleted {title} record {id}.</translation>
    </message>
    <message>
        <source>{title}没有办理环节。</source>
        <translation>{title} has no handling steps.</translation>
    </message>
    <message>
        <source>已办理：{title}记录 {id} 现为「{state}」。</source>
        <translation>Done: {title} record {id} is now “{state}”.</translation>
    </message>
    <message>
        <source>已转为{title}记录 {id}。</source>
        <translation>Made into {title} record {id}.</translation>
    </message>
    <message>
        <source>数据冲突 {id} 已处理：保留{side}的版本。</source>
        <translation>Conflict {id} settled: kept the {side} version.</translation>
    </message>
    <message>
        <source>本机</source>
        <translation>local</translation>
    </message>
    <message>
        <source>对方</source>
        <translation>remote</translation>
    </message>
    <message>
        <source>使用中</source>
        <translation>active</translation>
    </message>
    <message>
        <source>已停用</source>
        <translation>deactivated</translation>
    </message>
    <message>
        <source>用户 {user}：{role}，{state}。</source>
        <translation>User {user}: {role}, {state}.</translation>
    </message>
    <message>
        <source>请写成「字段=值」的样子：{item}</source>
        <translation>Write it as FIELD=VALUE: {item}</translation>
    </message>
    <message>
        <source>「{label}」找不到「{value}」，或有不止一条同名记录（可改用记录编号）。</source>
        <translation>“{label}”: no record “{value}”, or more than one with that name (use the record&apos;s id instead).</translation>
    </message>
    <message>
        <source>三员分立：已开启。</source>
        <translation>Separation of duties: on.</translation>
    </message>
    <message>
        <source>三员分立：未开启。</source>
        <translation>Separation of duties: off.</translation>
    </message>
    <message>
        <source>「{text}」的格式不对，应为 处理类别/处理方式=形态，如 党纪处分/警告=2。</source>
        <translation>“{text}” is not in the form KIND/MEASURE=FORM, for example 党纪处分/警告=2.</translation>
    </message>
    <message>
        <source>四种形态对应关系已恢复为默认。</source>
        <translation>The four forms mapping is back to the default.</translation>
    </message>
    <message>
        <source>四种形态对应关系本来就是默认，没有改动。</source>
        <translation>The four forms mapping already was the default; nothing changed.</translation>
    </message>
    <message>
        <source>已修改四种形态对应关系。</source>
        <translation>The four forms mapping has been changed.</translation>
    </message>
    <message>
        <source>四种形态对应关系没有变化。</source>
        <translation>The four forms mapping did not change.</translation>
    </message>
    <message>
        <source>三员分立由县纪委监委统一设置，本机不能修改。</source>
        <translation>Separation of duties is set by the county commission for every installation; it cannot be changed here.</translation>
    </message>
    <message>
        <source>记录 {table}/{id} 属于 {owner}（版本来自 {origin}）：{sender} 的数据包只能带本单位自己的记录。</source>
        <translation>Record {table}/{id} belongs to {owner} (version from {origin}): a bundle from {sender} may carry only that unit&apos;s own records.</translation>
    </message>
    <message>
        <source>记录 {table}/{id} 在本机属于 {owner}：{sender} 的数据包只能带本单位自己的记录。</source>
        <translation>Record {table}/{id} belongs to {owner} here: a bundle from {sender} may carry only its own records.</translation>
    </message>
    <message>
        <source>记录 {table}/{id} 属于 {owner}，与本单位无关：县纪委监委的数据包只能带发给本单位的记录。</source>
        <translation>Record {table}/{id} belongs to {owner} and does not concern this unit: the county commission&apos;s bundle may carry only records addressed to this unit.</translation>
    </message>
    <message>
        <source>记录 {table}/{id} 的时间 {time} 晚于数据包的生成时间 {created}（允许误差 1 天）：请检查发送单位电脑的日期。</source>
        <translation>Record {table}/{id} is dated {time}, later than the bundle was made ({created}; 1 day of difference allowed): check the date on the sender&apos;s computer.</translation>
    </message>
    <message>
        <source>记录 {table}/{id}：表 {table} 只由县纪委监委维护，{sender} 的数据包不能带。</source>
        <translation>Record {table}/{id}: only the county commission keeps table {table}; a bundle from {sender} may not carry it.</translation>
    </message>
    <message>
        <source>记录 ownership_transfers/{id}：单位只能提出归属变更申请，变更和不同意只由县纪委监委作出。</source>
        <translation>Record ownership_transfers/{id}: a unit may only request a transfer; only the county commission transfers or refuses.</translation>
    </message>
    <message>
        <source>记录 {id} 所属的表 {table} 本机没有。</source>
        <translation>Record {id} belongs to table {table}, which this installation does not have.</translation>
    </message>
    <message>
        <source>表 {table} 的记录多于数据包声明的 {count} 条。</source>
        <translation>Table {table} has more records than the {count} the bundle declares.</translation>
    </message>
    <message>
        <source>磁盘空间不足。请清理磁盘或换一个位置后重试。</source>
        <translation>The disk is full. Free some space or choose another location, then try again.</translation>
    </message>
    <message>
        <source>磁盘配额已用完。请清理文件或换一个位置后重试。</source>
        <translation>The disk quota is used up. Remove some files or choose another location, then try again.</translation>
    </message>
    <message>
        <source>没有权限读写这个位置。请换一个位置，或请管理员开放权限。</source>
        <translation>No permission to read or write this location. Choose another location, or ask an administrator for access.</translation>
    </message>
    <message>
        <source>这个位置所在的磁盘是只读的，无法写入。请换一个位置。</source>
        <translation>The disk of this location is read-only and cannot be written. Please choose another location.</translation>
    </message>
    <message>
        <source>找不到这个文件或文件夹。</source>
        <translation>The file or folder does not exist.</translation>
    </message>
    <message>
        <source>这是一个文件夹，这里需要的是文件。</source>
        <translation>This is a folder; a file is needed here.</translation>
    </message>
    <message>
        <source>路径中有一段是文件，不是文件夹。</source>
        <translation>Part of the path is a file, not a folder.</translation>
    </message>
    <message>
        <source>这个位置已经有同名的文件或文件夹。</source>
        <translation>A file or folder of that name already exists there.</translation>
    </message>
    <message>
        <source>文件名或路径太长。</source>
        <translation>The file name or path is too long.</translation>
    </message>
    <message>
        <source>读写磁盘时出错（输入/输出错误）。请检查磁盘或 U 盘。</source>
        <translation>The disk failed while reading or writing (input/output error). Please check the disk or USB stick.</translation>
    </message>
    <message>
        <source>这个文件或文件夹正被其他程序使用。</source>
        <translation>The file or folder is in use by another program.</translation>
    </message>
    <message>
        <source>打开的文件太多，系统拒绝再打开。请关闭一些程序后重试。</source>
        <translation>Too many open files: the system refuses to open more. Close some programs and try again.</translation>
    </message>
    <message>
        <source>找不到这个设备（U 盘可能已拔出）。</source>
        <translation>The device cannot be found (the USB stick may have been removed).</translation>
    </message>
    <message>
        <source>文件太大，这个磁盘放不下（U 盘的 FAT32 格式单个文件不能超过 4 GB）。</source>
        <translation>The file is too large for this disk (a FAT32 USB stick holds no file over 4 GB).</translation>
    </message>
    <message>
        <source>这个文件夹不是空的。</source>
        <translation>This folder is not empty.</translation>
    </message>
    <message>
        <source>不能在两个磁盘之间直接移动文件。请换一个位置。</source>
        <translation>Files cannot be moved directly between two disks. Please choose another place.</translation>
    </message>
    <message>
        <source>文件名或路径不可用（可能含有这个磁盘不允许的字符）。</source>
        <translation>The file name or path cannot be used (it may contain characters this disk does not allow).</translation>
    </message>
    <message>
        <source>这个文件正被其他程序使用。</source>
        <translation>This file is in use by another program.</translation>
    </message>
    <message>
        <source>路径中的链接绕成了圈，无法打开。</source>
        <translation>The links in the path form a loop; it cannot be opened.</translation>
    </message>
    <message>
        <source>读写超时（网络位置或设备没有响应）。请检查后重试。</source>
        <translation>Reading or writing timed out (the network place or device does not answer). Please check and try again.</translation>
    </message>
    <message>
        <source>读写文件失败（系统错误 {code}）。</source>
        <translation>Reading or writing the file failed (system error {code}).</translation>
    </message>
    <message>
        <source>{what}位置：{path}</source>
        <translation>{what} Location: {path}</translation>
    </message>
    <message>
        <source>读写数据库文件时磁盘出错。请检查磁盘空间和磁盘本身。</source>
        <translation>The disk failed while reading or writing the database file. Please check the free space and the disk itself.</translation>
    </message>
    <message>
        <source>数据库文件已损坏。请从备份恢复。</source>
        <translation>The database file is damaged. Please restore it from a backup.</translation>
    </message>
    <message>
        <source>数据库文件已损坏，或不是本程序的数据库。</source>
        <translation>The database file is damaged, or is not this program&apos;s database.</translation>
    </message>
    <message>
        <source>无法打开数据库文件。请检查数据目录是否存在、是否有权限。</source>
        <translation>The database file cannot be opened. Check that the data folder exists and that you may use it.</translation>
    </message>
    <message>
        <source>数据库文件是只读的，无法写入。</source>
        <translation>The database file is read-only and cannot be written.</translation>
    </message>
    <message>
        <source>「{label}」不能包含换行符、制表符或其他控制字符。</source>
        <translation>“{label}” must not contain line breaks, tabs or other control characters.</translation>
    </message>
    <message>
        <source>「{label}」不能包含控制字符（换行和制表符除外）。</source>
        <translation>“{label}” must not contain control characters (other than line breaks and tabs).</translation>
    </message>
    <message>
        <source>已提出归属变更申请 {id}，随下一个数据包报县纪委监委。</source>
        <translation>Transfer request {id} filed; it goes to the county commission with the next bundle.</translation>
    </message>
    <message>
        <source>已变更归属（{id}），随下一批数据包发给相关单位。</source>
        <translation>Ownership changed ({id}); the next bundles take it to the units concerned.</translation>
    </message>
    <message>
        <source>已记录不同意（{id}）。</source>
        <translation>Refusal recorded ({id}).</translation>
    </message>
    <message>
        <source>请填写变更归属的理由。</source>
        <translation>Please give the reason for the change of ownership.</translation>
    </message>
    <message>
        <source>理由不能超过 500 个字。</source>
        <translation>The reason may not exceed 500 characters.</translation>
    </message>
    <message>
        <source>表 {table} 的记录不能变更归属单位。</source>
        <translation>Records of table {table} cannot change their owning unit.</translation>
    </message>
    <message>
        <source>没有这条记录：{table}/{id}。</source>
        <translation>No such record: {table}/{id}.</translation>
    </message>
    <message>
        <source>县纪委监委直接变更归属，无需申请。</source>
        <translation>The county commission changes ownership directly; no request is needed.</translation>
    </message>
    <message>
        <source>这条记录已经属于 {code}。</source>
        <translation>This record already belongs to {code}.</translation>
    </message>
    <message>
        <source>只能申请移交本单位的记录，或申请接收记录到本单位。</source>
        <translation>A unit may ask to hand over its own records, or to receive a record into the unit.</translation>
    </message>
    <message>
        <source>已有同样的申请等待县纪委监委决定。</source>
        <translation>The same request is already waiting for the county commission&apos;s decision.</translation>
    </message>
    <message>
        <source>只有县纪委监委可以变更记录的归属单位；本单位可以提出申请。</source>
        <translation>Only the county commission can change the unit a record belongs to; this unit can file a request.</translation>
    </message>
    <message>
        <source>没有编号为 {id} 的归属变更申请。</source>
        <translation>There is no transfer request numbered {id}.</translation>
    </message>
    <message>
        <source>这份申请已经处理过。</source>
        <translation>This request has already been answered.</translation>
    </message>
    <message>
        <source>数据包 {name} 带的审计日志不能接收，整个数据包未导入：{reason}。</source>
        <translation>The audit log in bundle {name} cannot be accepted; nothing of the bundle was imported: {reason}.</translation>
    </message>
    <message>
        <source>单位 {unit} 的审计日志在第 {seq} 条处接不上：{reason}</source>
        <translation>the audit log of unit {unit} does not continue at entry {seq}: {reason}</translation>
    </message>
    <message>
        <source>单位 {unit} 的数据包没有带审计日志的链头（可能是旧版程序导出的），请升级后重新导出。</source>
        <translation>The bundle of unit {unit} does not carry the head of its audit log (perhaps exported by an older version); upgrade the program there and export again.</translation>
    </message>
    <message>
        <source>不是该单位自己的条目</source>
        <translation>the entry is not the unit&apos;s own</translation>
    </message>
    <message>
        <source>比县纪委监委已收到的短（已收到第 {head} 条），末尾的条目被删除</source>
        <translation>shorter than what the county commission holds (up to entry {head}): entries at the end were deleted</translation>
    </message>
    <message>
        <source>与县纪委监委已收到的同一条不同</source>
        <translation>differs from the same entry the county commission already holds</translation>
    </message>
    <message>
        <source>与数据包声明的链头（第 {head} 条）不符</source>
        <translation>does not match the head the bundle declares (entry {head})</translation>
    </message>
    <message>
        <source>县纪委监委只收到第 {head} 条，缺少其后的条目</source>
        <translation>the county commission holds entries up to {head} only; the entries after it are missing</translation>
    </message>
    <message>
        <source>身份证号码应为18位：17位数字，最后一位为数字或X。</source>
        <translation>An ID number has 18 characters: 17 digits, then a digit or X.</translation>
    </message>
    <message>
        <source>身份证号码中的出生日期（第7～14位）不是有效日期。</source>
        <translation>The date of birth in the ID number (characters 7 to 14) is not a valid date.</translation>
    </message>
    <message>
        <source>身份证号码的校验位不对，请核对后重新填写。</source>
        <translation>The check character of the ID number is wrong; please check the number and enter it again.</translation>
    </message>
    <message>
        <source>基层群众性自治组织中从事管理的人员不是县管干部，请核对管理权限。</source>
        <translation>A manager of a grassroots self-governing organisation is not a county-managed cadre; please check who manages the person.</translation>
    </message>
    <message>
        <source>四种形态的对应关系由县纪委监委统一设置，本机不能修改。</source>
        <translation>The four forms mapping is set by the county commission for every installation; it cannot be changed here.</translation>
    </message>
    <message>
        <source>没有「{kind}（{measure}）」这种处理方式。</source>
        <translation>There is no measure “{kind} ({measure})”.</translation>
    </message>
    <message>
        <source>形态只能是第一至第四种形态，或不计入四种形态。</source>
        <translation>The form can only be the first to the fourth form, or not counted in the four forms.</translation>
    </message>
    <message>
        <source>不计入四种形态</source>
        <translation>Not counted in the four forms</translation>
    </message>
    <message>
        <source>回复所关联的人员</source>
        <translation>Person linked to the reply</translation>
    </message>
    <message>
        <source>同名同单位</source>
        <translation>same name and unit</translation>
    </message>
    <message>
        <source>同名（来函未写单位）</source>
        <translation>Same name (the request gives no unit)</translation>
    </message>
    <message>
        <source>廉政意见回复</source>
        <translation>Integrity opinion replies</translation>
    </message>
    <message>
        <source>{day} 受到{title}（{unit}），无期限</source>
        <translation>{day}: {title} ({unit}), without end</translation>
    </message>
    <message>
        <source>{day} 受到{title}（{unit}），影响期至 {end}</source>
        <translation>{day}: {title} ({unit}), in effect until {end}</translation>
    </message>
    <message>
        <source>问题线索 {number}（{unit}）{state}，尚未办结</source>
        <translation>Clue {number} ({unit}) {state}, not yet closed</translation>
    </message>
    <message>
        <source>案件 {number}（{unit}）{state}，尚未结案</source>
        <translation>Case {number} ({unit}) {state}, not yet concluded</translation>
    </message>
    <message>
        <source>人员库中另有同名人员 {n} 位（其他单位），请核对是否同一人</source>
        <translation>The person register holds {n} other people of this name (other units): check whether it is the same person</translation>
    </message>
    <message>
        <source>身份证号码相同</source>
        <translation>same ID number</translation>
    </message>
    <message>
        <source>计数口径：同一人在同一决定中受到多项处理的计一人次，按其中最重的处理归入相应形态</source>
        <translation>Counting: the measures one person is given in one decision count as one person-time, in the form of the heaviest</translation>
    </message>
    <message>
        <source>形态对应：按通行口径（默认）</source>
        <translation>Form mapping: the common convention (default)</translation>
    </message>
    <message>
        <source>形态对应：按本县设置（{n} 项与通行口径不同）</source>
        <translation>Form mapping: set by the county ({n} differ from the common convention)</translation>
    </message>
    <message>
        <source>示范数据的日期不能早于 {day}（示范数据的历史记录截至2022年9月）。</source>
        <translation>The demo data&apos;s day cannot be before {day} (the demo&apos;s history runs to September 2022).</translation>
    </message>
    <message>
        <source>示范数据的日期不能晚于今天（{day}）。</source>
        <translation>The demo data&apos;s day cannot be after today ({day}).</translation>
    </message>
    <message>
        <source>处理类别与处理方式不符：{measure}。</source>
        <translation>The measure is not one of its kind: {measure}.</translation>
    </message>
    <message>
        <source>问责党组织的记录没有填写党组织名称：{measure}。</source>
        <translation>Accountability of a party organisation without the organisation&apos;s name: {measure}.</translation>
    </message>
    <message>
        <source>问责党组织的记录填写了个人：{measure}。</source>
        <translation>Accountability of a party organisation that names a person: {measure}.</translation>
    </message>
    <message>
        <source>{measure}没有关联人员库记录。</source>
        <translation>{measure} is linked to no person record.</translation>
    </message>
    <message>
        <source>{measure}的姓名「{given}」与人员库记录（{name}）不一致。</source>
        <translation>The name “{given}” of {measure} differs from its person record ({name}).</translation>
    </message>
    <message>
        <source>被反映人没有关联人员库记录。</source>
        <translation>The person reported on is linked to no person record.</translation>
    </message>
    <message>
        <source>{name} 是基层群众性自治组织中从事管理的人员，管理权限不应是县管干部。</source>
        <translation>{name} is a manager of a grassroots self-governing organisation and cannot be a county-managed cadre.</translation>
    </message>
    <message>
        <source>星期一</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>星期二</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>星期三</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>星期四</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>星期五</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>星期六</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>星期日</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <source>期满日超出了可以计算的日期范围（9999 年以后）。</source>
        <translation>The due date is beyond the dates that can be counted (after the year 9999).</translation>
    </message>
    <message>
        <source>自 {start} 起 {days} 个工作日（开始之日不计入），期满日为 {due}（{weekday}）。</source>
        <translation>{days} working days from {start} (the first day not counted): due on {due} ({weekday}).</translation>
    </message>
    <message>
        <source>自 {start} 起 {days} 日（开始之日不计入），期满日为 {due}（{weekday}）。</source>
        <translation>{days} days from {start} (the first day not counted): due on {due} ({weekday}).</translation>
    </message>
    <message>
        <source>期满日 {due} 不是工作日。</source>
        <translation>The due date {due} is not a working day.</translation>
    </message>
    <message>
        <source>决定日期不能早于受理日期。</source>
        <translation>The decision date cannot be before the date the appeal was received.</translation>
    </message>
    <message>
        <source>申诉针对党纪处分，复审、复核针对政务处分；所选处理是「{measure}」。</source>
        <translation>An appeal is against a party sanction, a review or recheck against a state sanction; the measure chosen is “{measure}”.</translation>
    </message>
    <message>
        <source>受理日期不能早于处分决定日期。</source>
        <translation>The date received cannot be before the sanction&apos;s decision date.</translation>
    </message>
    <message>
        <source>复审须在收到处分决定之日起一个月内提出（{date} 前）。</source>
        <translation>A review must be asked for within one month of receiving the decision (by {date}).</translation>
    </message>
    <message>
        <source>复核须在复审作出决定之后提出。</source>
        <translation>A recheck can be asked for only after the review has been decided.</translation>
    </message>
    <message>
        <source>复核须在收到复审决定之日起一个月内提出（{date} 前）。</source>
        <translation>A recheck must be asked for within one month of receiving the review decision (by {date}).</translation>
    </message>
    <message>
        <source>「{name}」是{authority}，不属本单位管理权限，不能在本单位处置、立案或审结；请「上报县纪委监委」，由县纪委监委提级办理或指定管辖。</source>
        <translation>“{name}” is a {authority}, outside this unit&apos;s authority: the matter cannot be disposed of, filed or concluded here. Use “Report up to the county commission”, which takes it up or assigns it.</translation>
    </message>
    <message>
        <source>本单位已将这条记录上报县纪委监委，须由县纪委监委提级办理或指定管辖后受理。</source>
        <translation>This unit reported the record up to the county commission; it is taken in after the county takes it up or assigns it.</translation>
    </message>
    <message>
        <source>尚未指定{label}，无需回避：直接填写{label}即可。</source>
        <translation>No {label} is assigned yet, so nobody steps aside: just fill in the {label}.</translation>
    </message>
    <message>
        <source>回避须更换{label}：请选择「{staff}」以外的工作人员。</source>
        <translation>A recusal changes the {label}: choose a staff member other than “{staff}”.</translation>
    </message>
    <message>
        <source>所选人员已离职或已删除，不能接任{label}。</source>
        <translation>The person chosen has left or been deleted and cannot take over as {label}.</translation>
    </message>
    <message>
        <source>「{staff}」本人也应回避，不能接任{label}。{reason}</source>
        <translation>“{staff}” should step aside too and cannot take over as {label}. {reason}</translation>
    </message>
    <message>
        <source>回避决定不能直接新增：请在线索、谈话函询、初步核实或案件上办理「{step}」。</source>
        <translation>A recusal decision is not entered directly: take “{step}” on the clue, inquiry, verification or case.</translation>
    </message>
    <message>
        <source>审理报告日期不能早于受理日期。</source>
        <translation>The trial report date cannot be before the date received.</translation>
    </message>
    <message>
        <source>乡镇和派驻组的案件由县纪委监委协审，请登记「协审」。</source>
        <translation>The cases of townships and dispatched groups are co-reviewed by the county commission: enter them under “Co-review”.</translation>
    </message>
    <message>
        <source>案件 {number} 处于「{state}」状态，尚未移送审理。</source>
        <translation>Case {number} is “{state}”: it has not been sent for trial yet.</translation>
    </message>
    <message>
        <source>受理日期不能早于移送审理日期。</source>
        <translation>The date received cannot be before the case was sent for trial.</translation>
    </message>
    <message>
        <source>请指定承办单位。</source>
        <translation>Choose the handling unit.</translation>
    </message>
    <message>
        <source>提级办理和指定管辖只用于问题线索和案件。</source>
        <translation>Taking up and assigning apply only to problem clues and cases.</translation>
    </message>
    <message>
        <source>{code} 不是可以承办案件的单位。</source>
        <translation>{code} is not a unit that handles cases.</translation>
    </message>
    <message>
        <source>{year} 年的节假日安排尚未录入，按周一至周五计算工作日，请在「节假日调整」中补录。</source>
        <translation>The holidays of {year} are not entered: Monday to Friday count as working days. Enter them under “Holiday adjustments”.</translation>
    </message>
    <message>
        <source>元旦</source>
        <translation>New Year&apos;s Day</translation>
    </message>
    <message>
        <source>春节</source>
        <translation>Spring Festival</translation>
    </message>
    <message>
        <source>清明节</source>
        <translation>Qingming Festival</translation>
    </message>
    <message>
        <source>劳动节</source>
        <translation>Labour Day</translation>
    </message>
    <message>
        <source>端午节</source>
        <translation>Dragon Boat Festival</translation>
    </message>
    <message>
        <source>国庆节</source>
        <translation>National Day</translation>
    </message>
    <message>
        <source>中秋节</source>
        <translation>Mid-Autumn Festival</translation>
    </message>
    <message>
        <source>解除日期不能早于留置开始日期。</source>
        <translation>The release date cannot be before the detention began.</translation>
    </message>
    <message>
        <source>留置只用于县纪委监委办理的案件；乡镇、派驻组的案件须先提级办理。</source>
        <translation>Detention is only for cases the county commission handles; a township&apos;s or a group&apos;s case must first be taken up.</translation>
    </message>
    <message>
        <source>只有已立案、审查调查中的案件才能采取留置。</source>
        <translation>Only a filed case under investigation can have a detention.</translation>
    </message>
    <message>
        <source>留置开始日期不能早于立案日期。</source>
        <translation>The detention cannot begin before the case was filed.</translation>
    </message>
    <message>
        <source>{what}只能延期一次。</source>
        <translation>{what} can be extended only once.</translation>
    </message>
    <message>
        <source>{what}延期不超过 {n} 天。</source>
        <translation>{what} is extended by {n} days at most.</translation>
    </message>
    <message>
        <source>新版本的程序要先备份数据再升级数据库，但备份没有成功：{reason} 数据库没有升级，数据保持原样（旧版本的程序仍能打开）。请处理上面的问题后再登录。备份的位置：{folder}</source>
        <translation>The new version backs up the data before it upgrades the database, but the backup failed: {reason} The database was not upgraded and the data is as it was (the old version can still open it). Deal with the problem above, then log in again. The backups go to: {folder}</translation>
    </message>
    <message>
        <source>升级数据库失败（{reason}），数据库保持升级前的样子。升级前的备份：{backup}。请把这条消息告诉县纪委监委的信息技术人员。</source>
        <translation>Upgrading the database failed ({reason}); the database is as it was before. The backup made before the upgrade: {backup}. Tell the county commission&apos;s IT staff about this message.</translation>
    </message>
    <message>
        <source>升级数据库服务器上的数据库失败（{reason}），数据库保持升级前的样子。请把这条消息告诉县纪委监委的信息技术人员。</source>
        <translation>Upgrading the database on the server failed ({reason}); the database is as it was before. Tell the county commission&apos;s IT staff about this message.</translation>
    </message>
    <message>
        <source>这个数据库已由更新版本的程序升级过（数据库结构 {revision}），本程序（{version}）不能打开它，数据没有改动。请安装最新版本的程序。</source>
        <translation>A newer version of the program has upgraded this database (schema {revision}); this program ({version}) cannot open it, and nothing was changed. Install the newest version.</translation>
    </message>
    <message>
        <source>数据库已从 {old} 升级到 {new}（数据库结构 {old_revision} → {new_revision}）。升级前的备份：{backup}</source>
        <translation>The database was upgraded from {old} to {new} (schema {old_revision} → {new_revision}). The backup made before the upgrade: {backup}</translation>
    </message>
    <message>
        <source>数据库服务器上的数据库已从 {old} 升级到 {new}（数据库结构 {old_revision} → {new_revision}）。本程序不备份服务器上的数据库，由服务器管理员负责（例如 pg_dump）；使用这个数据库的其他电脑也要安装 {new}。</source>
        <translation>The database on the server was upgraded from {old} to {new} (schema {old_revision} → {new_revision}). This program does not back up a database on a server; its administrator does (for example with pg_dump). The other PCs using this database must install {new} too.</translation>
    </message>
    <message>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>缺</source>
        <translation>Missed</translation>
    </message>
    <message>
        <source>待完成</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>不适用</source>
        <translation>Not owed</translation>
    </message>
    <message>
        <source>每名纪检监察干部</source>
        <translation>every staff member of a commission or group</translation>
    </message>
    <message>
        <source>每个乡镇纪委和派驻组</source>
        <translation>every township commission and group</translation>
    </message>
    <message>
        <source>每个乡镇纪委</source>
        <translation>every township commission</translation>
    </message>
    <message>
        <source>每个派驻组</source>
        <translation>every dispatched group</translation>
    </message>
    <message>
        <source>每个单位</source>
        <translation>every unit</translation>
    </message>
    <message>
        <source>每个村（社区）</source>
        <translation>every village (community)</translation>
    </message>
    <message>
        <source>每周</source>
        <translation> each week</translation>
    </message>
    <message>
        <source>每月</source>
        <translation> each month</translation>
    </message>
    <message>
        <source>每季度</source>
        <translation> each quarter</translation>
    </message>
    <message>
        <source>每半年</source>
        <translation> each half-year</translation>
    </message>
    <message>
        <source>每年</source>
        <translation> each year</translation>
    </message>
    <message>
        <source>没有名为 {key} 的履职要求。</source>
        <translation>There is no frequency rule named {key}.</translation>
    </message>
    <message>
        <source>上半年</source>
        <translation>First half</translation>
    </message>
    <message>
        <source>下半年</source>
        <translation>Second half</translation>
    </message>
    <message>
        <source>第{n}周</source>
        <translation>Week {n}</translation>
    </message>
    <message>
        <source>{n}月</source>
        <translation>Month {n}</translation>
    </message>
    <message>
        <source>{n}年</source>
        <translation>{n}</translation>
    </message>
    <message>
        <source>{owers}{period}至少 {n} 次</source>
        <translation>{owers}{period}, at least {n} time(s)</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>完成 {paid}，缺 {missed}，待完成 {due}</source>
        <translation>{paid} done, {missed} missed, {due} due</translation>
    </message>
    <message>
        <source>「{label}」不能晚于今天。</source>
        <translation>“{label}” cannot be later than today.</translation>
    </message>
    <message>
        <source>巡察结束日期不能早于进驻日期。</source>
        <translation>The inspection&apos;s end date cannot be before its start date.</translation>
    </message>
    <message>
        <source>反馈日期不能早于巡察进驻（结束）日期。</source>
        <translation>The feedback date cannot be before the inspection&apos;s stay (its end).</translation>
    </message>
    <message>
        <source>整改期限不能早于反馈日期。</source>
        <translation>The rectification deadline cannot be before the feedback date.</translation>
    </message>
    <message>
        <source>该巡察已有整改事项，不能更改被巡察单位。</source>
        <translation>This inspection already has rectification items: its inspected unit cannot be changed.</translation>
    </message>
    <message>
        <source>已有整改事项在 {on} 销号或约谈，反馈日期不能晚于该日。</source>
        <translation>An item was closed or talked about on {on}: the feedback date cannot be later than that day.</translation>
    </message>
    <message>
        <source>「{label}」不能早于巡察反馈日期（{on}）。</source>
        <translation>“{label}” cannot be before the inspection&apos;s feedback date ({on}).</translation>
    </message>
    <message>
        <source>所选处理决定于 {on} 作出，早于巡察反馈日期，不是对整改不到位的追责。</source>
        <translation>The chosen measure was decided on {on}, before the inspection&apos;s feedback: it is no accountability for a failed rectification.</translation>
    </message>
    <message>
        <source>整改时限不能早于巡察反馈日期（{on}）。</source>
        <translation>The item&apos;s deadline cannot be before the inspection&apos;s feedback date ({on}).</translation>
    </message>
    <message>
        <source>已销号的事项须有「{label}」。</source>
        <translation>A closed item needs “{label}”.</translation>
    </message>
    <message>
        <source>销号请办理「销号」，填写销号日期、佐证材料和核查人。</source>
        <translation>To close an item take the step “Close”, with the closing date, the evidence and who checked it.</translation>
    </message>
    <message>
        <source>所选巡察的被巡察单位与本材料的不一致。</source>
        <translation>The chosen inspection is of another unit than this briefing.</translation>
    </message>
    <message>
        <source>没有文号或编号为「{which}」的廉政意见来函。</source>
        <translation>There is no integrity opinion request with letter number or ID “{which}”.</translation>
    </message>
    <message>
        <source>回复意见只能是「无问题」「有问题」或「暂缓」。</source>
        <translation>The reply can only be “no issues”, “issues” or “deferred”.</translation>
    </message>
    <message>
        <source>没有编号为「{id}」的回复记录。</source>
        <translation>There is no reply with ID “{id}”.</translation>
    </message>
    <message>
        <source>回复「有问题」须写明掌握的问题情况。</source>
        <translation>A reply of “issues” must state the facts held.</translation>
    </message>
    <message>
        <source>回复「暂缓」须写明暂缓的理由。</source>
        <translation>A reply of “deferred” must state the reason.</translation>
    </message>
    <message>
        <source>未办结的问题线索 {n} 件（{units}）</source>
        <translation>{n} open clue(s) ({units})</translation>
    </message>
    <message>
        <source>正在审查调查的案件 {n} 件（{units}）</source>
        <translation>{n} case(s) under investigation ({units})</translation>
    </message>
    <message>
        <source>{title}，无期限</source>
        <translation>{title}, without end</translation>
    </message>
    <message>
        <source>{title}，影响期至 {day}</source>
        <translation>{title}, in effect until {day}</translation>
    </message>
    <message>
        <source>回复日期不能早于收函日期。</source>
        <translation>The reply date cannot be before the day the request was received.</translation>
    </message>
    <message>
        <source>本机掌握「{name}」的{what}，不能回复「无问题」：请回复「有问题」或「暂缓」。</source>
        <translation>This installation holds about “{name}”: {what}. The reply cannot be “no issues”: reply “issues” or “deferred”.</translation>
    </message>
    <message>
        <source>人员库中有 {n} 位「{name}」，本条未关联人员库：请核对是否同一人，是则选择「人员」。</source>
        <translation>The person register holds {n} people named “{name}” and this reply is not linked to it: check whether it is the same person and, if so, choose the “Person”.</translation>
    </message>
    <message>
        <source>写成 2026H1 的样子（年份、H、上半年 1 或下半年 2）</source>
        <translation>written like 2026H1 (the year, H, 1 for the first half or 2 for the second)</translation>
    </message>
    <message>
        <source>日期不能早于所属半年（{half}）的开始。</source>
        <translation>The date cannot be before the start of its half-year ({half}).</translation>
    </message>
    <message>
        <source>述职述廉按要求在 6 月和 12 月进行，{day} 不在这两个月。</source>
        <translation>Work and integrity reports are due in June and December; {day} is in neither month.</translation>
    </message>
    <message>
        <source>反馈日期不能早于述职日期。</source>
        <translation>The feedback date cannot be before the report date.</translation>
    </message>
    <message>
        <source>{what}已登记了「{staff}」等原单位人员，不能改换举办单位。</source>
        <translation>{what} already lists “{staff}” and others of its unit; its holding unit cannot be changed.</translation>
    </message>
    <message>
        <source>「{staff}」不是{unit}的工作人员，不能登记在这里。</source>
        <translation>“{staff}” is not a staff member of {unit} and cannot be entered here.</translation>
    </message>
    <message>
        <source>「{staff}」已于 {day} 离岗，不能登记在这里。</source>
        <translation>“{staff}” left the post on {day} and cannot be entered here.</translation>
    </message>
    <message>
        <source>所选记录属于单位 {owner}，其中的人员只能由该单位登记。</source>
        <translation>The chosen record belongs to unit {owner}; only that unit enters its people.</translation>
    </message>
    <message>
        <source>本课</source>
        <translation>This lesson</translation>
    </message>
    <message>
        <source>缺课须填写缺课原因。</source>
        <translation>An absence needs its reason.</translation>
    </message>
    <message>
        <source>本次测试</source>
        <translation>This test</translation>
    </message>
    <message>
        <source>请填写成绩；未参加测试的，填写未参测原因。</source>
        <translation>Enter the score; for someone who did not sit the test, the reason.</translation>
    </message>
    <message>
        <source>{path} 是一个文件夹，请给出 .xlsx 文件名。</source>
        <translation>{path} is a folder; give an .xlsx file name.</translation>
    </message>
    <message>
        <source>已写出{title}的导入模板（{n} 列）：{path}</source>
        <translation>Import template of {title} written ({n} columns): {path}</translation>
    </message>
    <message>
        <source>找不到文件：{path}</source>
        <translation>File not found: {path}</translation>
    </message>
    <message>
        <source>无法读取 {path}：不是 Excel 工作簿（.xlsx）或已损坏。</source>
        <translation>Cannot read {path}: it is not an Excel workbook (.xlsx) or it is damaged.</translation>
    </message>
    <message>
        <source>第 {row} 行提示：{text}</source>
        <translation>Row {row}, note: {text}</translation>
    </message>
    <message>
        <source>第 {row} 行「{column}」：{text}</source>
        <translation>Row {row}, “{column}”: {text}</translation>
    </message>
    <message>
        <source>{n} 处错误，没有导入任何记录。</source>
        <translation>{n} error(s); no record was imported.</translation>
    </message>
    <message>
        <source>检查通过（未保存）：{title}新增 {created} 条、更新 {updated} 条，其中 {steps} 条以「历史台账导入」进入后续状态。</source>
        <translation>Check passed (nothing saved): {title}, {created} new, {updated} updated; {steps} of them would enter a later state through “Imported from an old ledger”.</translation>
    </message>
    <message>
        <source>已导入{title}：新增 {created} 条、更新 {updated} 条，其中 {steps} 条以「历史台账导入」进入后续状态。</source>
        <translation>Imported into {title}: {created} new, {updated} updated; {steps} of them entered a later state through “Imported from an old ledger”.</translation>
    </message>
    <message>
        <source>已导出 {n} 条{title}记录：{path}</source>
        <translation>Exported {n} {title} record(s): {path}</translation>
    </message>
    <message>
        <source>系统编号（勿改）</source>
        <translation>System ID (do not change)</translation>
    </message>
    <message>
        <source>填写说明</source>
        <translation>Instructions</translation>
    </message>
    <message>
        <source>（整行）</source>
        <translation>(whole row)</translation>
    </message>
    <message>
        <source>2022-06-30、2022/6/30、2022.6.30、2022年6月30日、20220630，或 Excel 的日期单元格</source>
        <translation>2022-06-30, 2022/6/30, 2022.6.30, 2022年6月30日, 20220630, or an Excel date cell</translation>
    </message>
    <message>
        <source>{title}的记录只由办理环节产生，不能从 Excel 导入。</source>
        <translation>The records of {title} are made only by workflow steps and cannot be imported from Excel.</translation>
    </message>
    <message>
        <source>「{label}」填的「{value}」对应 {n} 条记录，请改填代码或编号。</source>
        <translation>“{value}” in “{label}” matches {n} records; give a code or number instead.</translation>
    </message>
    <message>
        <source>「{label}」找不到「{value}」（可填名称、代码或编号）。</source>
        <translation>“{label}”: “{value}” was not found (give a name, code or number).</translation>
    </message>
    <message>
        <source>找不到表头：前 {n} 行中没有一行写着本登记簿的列名（如 {sample}）。</source>
        <translation>No header row found: none of the first {n} rows has this register’s column names (such as {sample}).</translation>
    </message>
    <message>
        <source>「{a}」和「{b}」是同一列（{label}），请删去一列。</source>
        <translation>“{a}” and “{b}” are the same column ({label}); delete one of them.</translation>
    </message>
    <message>
        <source>以下列不是本登记簿的字段，未导入：{names}</source>
        <translation>These columns are not fields of this register and were not imported: {names}</translation>
    </message>
    <message>
        <source>本机没有编号为 {id} 的记录（已删除，或来自别的安装）；作为新记录导入请清空这一格。</source>
        <translation>There is no record {id} here (deleted, or from another installation); clear this cell to import the row as a new record.</translation>
    </message>
    <message>
        <source>导入不改变已有记录的状态（现为「{state}」），请用「办理」。</source>
        <translation>An import does not change an existing record’s state (now “{state}”); use the workflow steps.</translation>
    </message>
    <message>
        <source>文字（一行）</source>
        <translation>Text (one line)</translation>
    </message>
    <message>
        <source>文字（可多行）</source>
        <translation>Text (several lines)</translation>
    </message>
    <message>
        <source>整数</source>
        <translation>Whole number</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>是或否</source>
        <translation>Yes or no</translation>
    </message>
    <message>
        <source>从下拉列表中选择</source>
        <translation>Choose from the drop-down list</translation>
    </message>
    <message>
        <source>{title}：填名称、代码或编号</source>
        <translation>{title}: give a name, code or number</translation>
    </message>
    <message>
        <source>第一行是列名，请勿修改；列的顺序可以调整，不需要的可选列可以删去。</source>
        <translation>The first row holds the column names: do not change them. Columns may be reordered, and optional columns not needed may be deleted.</translation>
    </message>
    <message>
        <source>列名上方可以有标题行（合并单元格也可以），空行会被跳过。</source>
        <translation>Title rows (merged cells too) may stand above the column names; blank rows are skipped.</translation>
    </message>
    <message>
        <source>红色列名为必填项。全角数字和字母（如 ０１２）按半角读取，单元格前后的空格会去掉。</source>
        <translation>Columns named in red are required. Full-width digits and letters (such as ０１２) are read as half-width; spaces around a cell’s text are removed.</translation>
    </message>
    <message>
        <source>导入时逐行检查，任何一行有错误就一条也不保存，并列出出错的行号和列名；改正后再导入。</source>
        <translation>Every row is checked; if any row has an error nothing is saved, and each error is listed by row number and column name. Correct them and import again.</translation>
    </message>
    <message>
        <source>本程序导出的 Excel 文件也可以直接导入：带「系统编号」的行更新原记录而不是新增；「（受限）」的单元格不会覆盖原来的加密内容。</source>
        <translation>An Excel file exported by this program can be imported as it is: a row with a “System ID” updates its record instead of adding one; a “(restricted)” cell never overwrites the encrypted value.</translation>
    </message>
    <message>
        <source>列名</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>填写内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>是否必填</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>可填的值</source>
        <translation>Allowed values</translation>
    </message>
    <message>
        <source>「{label}」填写记录在原台账中所处的状态；不填即为「{first}」。填了后面的状态时，记录以「历史台账导入」环节进入该状态，办理时间线中可以看到；该状态在办理中要求填写的字段必须填写。可导入的状态：{allowed}。</source>
        <translation>“{label}” is the state the record has in the old ledger; left empty it is “{first}”. A later state is entered through the step “Imported from an old ledger”, shown in the record’s timeline, and the fields the steps to that state require must be filled. States that can be imported: {allowed}.</translation>
    </message>
    <message>
        <source>最多 {n} 个字</source>
        <translation>at most {n} characters</translation>
    </message>
    <message>
        <source>不小于 {n}</source>
        <translation>at least {n}</translation>
    </message>
    <message>
        <source>不大于 {n}</source>
        <translation>at most {n}</translation>
    </message>
    <message>
        <source>敏感信息，加密保存；无权查看者不能填写</source>
        <translation>sensitive, stored encrypted; those who may not read it cannot fill it</translation>
    </message>
    <message>
        <source>必填</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>请从下拉列表中选择。</source>
        <translation>Choose from the drop-down list.</translation>
    </message>
    <message>
        <source>日期可写成：</source>
        <translation>Dates may be written as: </translation>
    </message>
    <message>
        <source>当前账号没有打印和导出的权限，模板中没有引用记录的下拉列表。</source>
        <translation>This account may not print or export, so the template has no drop-down lists of referenced records.</translation>
    </message>
    <message>
        <source>印发日期不能晚于今天。</source>
        <translation>The issue date cannot be later than today.</translation>
    </message>
    <message>
        <source>请选择印发通报的单位。</source>
        <translation>Choose the unit that issued the circular.</translation>
    </message>
    <message>
        <source>典型问题通报须写明通报的人员或案件（或选择所涉案件、人员）。</source>
        <translation>A circular on typical cases must name the persons or cases it reports (or link the case or person).</translation>
    </message>
    <message>
        <source>线索 {number} 尚未以「了结澄清」（谈话函询）或「予以了结」（初步核实，反映不实）办结，不能澄清正名。</source>
        <translation>Clue {number} has not ended as “Closed and cleared” (talk or letter inquiry) or “Closed” (preliminary verification, report found untrue): no name can be cleared on it.</translation>
    </message>
    <message>
        <source>澄清日期不能早于线索办结（{day}）。</source>
        <translation>The clearing date cannot be earlier than the clue&apos;s conclusion ({day}).</translation>
    </message>
    <message>
        <source>澄清日期不能晚于今天。</source>
        <translation>The clearing date cannot be later than today.</translation>
    </message>
    <message>
        <source>通报澄清请选择所发的通报。</source>
        <translation>For clearing by circular, choose the circular issued.</translation>
    </message>
    <message>
        <source>认定为诬告陷害的，须写明对举报人的责任追究情况。</source>
        <translation>Where the report was found to be a malicious false accusation, state what was done to hold the reporter accountable.</translation>
    </message>
    <message>
        <source>请填写被澄清人的姓名。</source>
        <translation>Enter the name of the person cleared.</translation>
    </message>
    <message>
        <source>申请日期不能晚于今天。</source>
        <translation>The application date cannot be later than today.</translation>
    </message>
    <message>
        <source>审查日期不能早于申请日期。</source>
        <translation>The review date cannot be earlier than the application date.</translation>
    </message>
    <message>
        <source>决定日期不能早于审查日期。</source>
        <translation>The decision date cannot be earlier than the review date.</translation>
    </message>
    <message>
        <source>请填写申请人的姓名。</source>
        <translation>Enter the applicant&apos;s name.</translation>
    </message>
    <message>
        <source>已作出决定的申请，处理决定不能为空。</source>
        <translation>An application already decided must keep its decision.</translation>
    </message>
    <message>
        <source>处理决定须经审查后通过「作出决定」办理。</source>
        <translation>The decision is made after the review, through “Decide”.</translation>
    </message>
    <message>
        <source>尚未审查容错条件，不能作出决定。</source>
        <translation>The conditions for tolerating the error have not been reviewed: no decision can be made.</translation>
    </message>
    <message>
        <source>免责须经审查符合「三个区分开来」的全部情形，以下尚未认定：{missing}</source>
        <translation>Exemption requires the review to find all of the “three distinctions”; not yet found: {missing}</translation>
    </message>
    <message>
        <source>减责须经审查至少符合「三个区分开来」的一种情形：{all}</source>
        <translation>Reduced liability requires the review to find at least one of the “three distinctions”: {all}</translation>
    </message>
    <message>
        <source>日期格式应为 YYYY-MM-DD，如 2022-09-30：{text}</source>
        <translation>Dates are written YYYY-MM-DD, e.g. 2022-09-30: {text}</translation>
    </message>
    <message>
        <source>工作报告须写入 .docx 文件：{path}</source>
        <translation>The work report must be written to a .docx file: {path}</translation>
    </message>
    <message>
        <source>工作报告已写入 {path}</source>
        <translation>Work report written to {path}</translation>
    </message>
    <message>
        <source>无法写入工作报告 {path}：{reason}</source>
        <translation>Cannot write the work report {path}: {reason}</translation>
    </message>
    <message>
        <source>公文已写入 {path}</source>
        <translation>Official document written to {path}</translation>
    </message>
    <message>
        <source>无法写入公文 {path}：{reason}</source>
        <translation>Cannot write the official document {path}: {reason}</translation>
    </message>
    <message>
        <source>找不到记录：{which}</source>
        <translation>No such record: {which}</translation>
    </message>
    <message>
        <source>来函 {letter} 尚无已回复的人员，不能出具复函。</source>
        <translation>No one named in request {letter} has been answered yet: no reply letter can be issued.</translation>
    </message>
    <message>
        <source>公文只能写入 .docx 或 .pdf 文件：{path}</source>
        <translation>An official document can only be written to a .docx or .pdf file: {path}</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>办理</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>处理冲突</source>
        <translation>Settle conflict</translation>
    </message>
    <message>
        <source>上一步操作是办理步骤（{what}），办理步骤不能撤销；需要更正时请按办理流程处理。</source>
        <translation>The last operation was a handling step ({what}); handling steps cannot be undone. To correct it, follow the handling procedure.</translation>
    </message>
    <message>
        <source>上一步操作是导入（{what}），导入不能撤销。</source>
        <translation>The last operation was an import ({what}); imports cannot be undone.</translation>
    </message>
    <message>
        <source>上一步操作是处理同步冲突（{what}），处理冲突不能撤销。</source>
        <translation>The last operation settled a sync conflict ({what}); settling a conflict cannot be undone.</translation>
    </message>
    <message>
        <source>本次登录以来没有可以撤销的操作。</source>
        <translation>Nothing has been done since this log-in that can be undone.</translation>
    </message>
    <message>
        <source>「{subject}」在这次操作之后又被 {who} 修改过，不能撤销。</source>
        <translation>“{subject}” was changed by {who} after this operation; it cannot be undone.</translation>
    </message>
    <message>
        <source>「{subject}」在这次操作之后收到了其他单位的新版本（数据交换），不能撤销。</source>
        <translation>A newer version of “{subject}” arrived from another unit after this operation (data exchange); it cannot be undone.</translation>
    </message>
    <message>
        <source>「{subject}」已不存在，不能撤销。</source>
        <translation>“{subject}” no longer exists; it cannot be undone.</translation>
    </message>
    <message>
        <source>{kind} {register} {subject}</source>
        <translation>{kind} {register} {subject}</translation>
    </message>
    <message>
        <source>{kind}：{what}</source>
        <translation>{kind}: {what}</translation>
    </message>
    <message>
        <source>{kind} {register} {n} 条记录</source>
        <translation>{kind} {register}: {n} records</translation>
    </message>
    <message>
        <source>字体的制作者不允许把它嵌入文档（fsType {flags}）</source>
        <translation>the font&apos;s maker does not allow embedding it in documents (fsType {flags})</translation>
    </message>
    <message>
        <source>不是可以嵌入的 TrueType 字体（{kind}）</source>
        <translation>not a TrueType font that can be embedded ({kind})</translation>
    </message>
    <message>
        <source>{year}年第一季度</source>
        <translation>Q1 {year}</translation>
    </message>
    <message>
        <source>{year}年第二季度</source>
        <translation>Q2 {year}</translation>
    </message>
    <message>
        <source>{year}年第三季度</source>
        <translation>Q3 {year}</translation>
    </message>
    <message>
        <source>{year}年第四季度</source>
        <translation>Q4 {year}</translation>
    </message>
    <message>
        <source>第一季度</source>
        <translation>Q1</translation>
    </message>
    <message>
        <source>第二季度</source>
        <translation>Q2</translation>
    </message>
    <message>
        <source>第三季度</source>
        <translation>Q3</translation>
    </message>
    <message>
        <source>第四季度</source>
        <translation>Q4</translation>
    </message>
    <message>
        <source>写成 2026年第四季度 或 2026Q4 的样子</source>
        <translation>Write it like Q4 2026 or 2026Q4</translation>
    </message>
    <message>
        <source>首次使用的设置都已完成。</source>
        <translation>Every first-use setting is done.</translation>
    </message>
    <message>
        <source>还有 {n} 项没有完成。</source>
        <translation>{n} step(s) not done yet.</translation>
    </message>
    <message>
        <source>登记本单位人员</source>
        <translation>Register the unit&apos;s staff</translation>
    </message>
    <message>
        <source>在“人员与岗位”中登记纪检监察干部，承办人才有人可选。</source>
        <translation>Enter the discipline inspection staff in “Staff and posts” so that there are handlers to choose.</translation>
    </message>
    <message>
        <source>登记所辖村（社区）</source>
        <translation>Register the villages</translation>
    </message>
    <message>
        <source>在“村（社区）”中登记本乡镇的村和社区，驻村覆盖才能计算。</source>
        <translation>Enter the township&apos;s villages and communities in “Villages (communities)” so that residency coverage can be counted.</translation>
    </message>
    <message>
        <source>登记被监督单位</source>
        <translation>Register the supervised units</translation>
    </message>
    <message>
        <source>在“被监督单位”中登记本组监督的单位，驻在覆盖才能计算。</source>
        <translation>Enter the units the group supervises in “Supervised units” so that residency coverage can be counted.</translation>
    </message>
    <message>
        <source>登记乡镇纪委和派驻组</source>
        <translation>Register the townships and groups</translation>
    </message>
    <message>
        <source>在“单位”中登记各乡镇纪委、派驻纪检监察组和委机关各室。</source>
        <translation>Enter the township commissions, dispatched groups and the commission&apos;s offices in “Units”.</translation>
    </message>
    <message>
        <source>核对办理期限</source>
        <translation>Check the deadlines</translation>
    </message>
    <message>
        <source>“办理期限设置”已按规定预填，请按本县做法核对修改；期限提醒据此计算。</source>
        <translation>“Deadline settings” are filled in from the rules: check them against the county&apos;s practice; the deadline reminders count with them.</translation>
    </message>
    <message>
        <source>核对检查事项</source>
        <translation>Check the checklist</translation>
    </message>
    <message>
        <source>“检查事项设置”列出驻村（驻在）记录表要勾选的事项，请核对修改。</source>
        <translation>“Checklist settings” list the matters the residency visit form ticks: check and edit them.</translation>
    </message>
    <message>
        <source>做第一次备份</source>
        <translation>Make a first backup</translation>
    </message>
    <message>
        <source>把加密备份保存到专用 U 盘（退出时的自动备份只在本机，不算）。</source>
        <translation>Save an encrypted backup to the dedicated USB drive (the automatic backup at exit stays on this PC and does not count).</translation>
    </message>
    <message>
        <source>打印恢复密钥</source>
        <translation>Print the recovery key</translation>
    </message>
    <message>
        <source>打印或保存恢复密钥页并锁进保密柜；设置时没有打印的，可生成新的恢复密钥再打印。</source>
        <translation>Print or save the recovery key sheet and lock it in the safe; if it was not printed at set-up, make a new recovery key and print that.</translation>
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
    <name>ask</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>导出 Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Word 文档 (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>示范县</source>
        <translation>Demo county</translation>
    </message>
    <message>
        <source>正在建立示范县：8 个乡镇纪委、10 个派驻组和委机关的示范数据…</source>
        <translation>Setting up the demo county: demo data for 8 township commissions, 10 dispatched groups and the county commission&apos;s offices…</translation>
    </message>
    <message>
        <source>生成全县各单位的示范数据…</source>
        <translation>Generating demo data for every unit of the county…</translation>
    </message>
    <message>
        <source>建立县纪委监委的安装…</source>
        <translation>Setting up the county commission&apos;s installation…</translation>
    </message>
    <message>
        <source>登记各乡镇纪委和派驻组，建立它们的安装并导出数据包…</source>
        <translation>Enrolling the township commissions and dispatched groups, setting up their installations and exporting their data packages…</translation>
    </message>
    <message>
        <source>县纪委监委导入各单位的数据包…</source>
        <translation>The county commission imports every unit&apos;s data package…</translation>
    </message>
    <message>
        <source>向各单位发回数据包…</source>
        <translation>Sending data packages back to every unit…</translation>
    </message>
</context>
<context>
    <name>register</name>
    <message>
        <source>信访与线索</source>
        <translation>Petitions and clues</translation>
    </message>
    <message>
        <source>处分与廉政</source>
        <translation>Sanctions and integrity</translation>
    </message>
    <message>
        <source>日常监督</source>
        <translation>Routine supervision</translation>
    </message>
    <message>
        <source>巡察整改</source>
        <translation>Inspection rectification</translation>
    </message>
    <message>
        <source>教育培训</source>
        <translation>Education and training</translation>
    </message>
    <message>
        <source>述职与通报</source>
        <translation>Reports and circulars</translation>
    </message>
    <message>
        <source>统计与覆盖</source>
        <translation>Figures and coverage</translation>
    </message>
    <message>
        <source>组织机构</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>基础设置</source>
        <translation>Settings</translation>
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
        <source>廉洁自律承诺书</source>
        <translation>Integrity pledge</translation>
    </message>
    <message>
        <source>清廉家庭倡议书</source>
        <translation>Clean-family pledge</translation>
    </message>
    <message>
        <source>纪检监察干部</source>
        <translation>Discipline inspection staff</translation>
    </message>
    <message>
        <source>其他党员干部</source>
        <translation>Other party cadre</translation>
    </message>
    <message>
        <source>配偶</source>
        <translation>Spouse</translation>
    </message>
    <message>
        <source>子女</source>
        <translation>Child</translation>
    </message>
    <message>
        <source>父母</source>
        <translation>Parent</translation>
    </message>
    <message>
        <source>其他亲属</source>
        <translation>Other relative</translation>
    </message>
    <message>
        <source>参观警示教育基地</source>
        <translation>Visit to a warning-education base</translation>
    </message>
    <message>
        <source>观看警示教育片</source>
        <translation>Warning-education film</translation>
    </message>
    <message>
        <source>以案说纪警示教育课</source>
        <translation>Lesson on discipline cases</translation>
    </message>
    <message>
        <source>旁听庭审</source>
        <translation>Attending a trial</translation>
    </message>
    <message>
        <source>其他形式</source>
        <translation>Other form</translation>
    </message>
    <message>
        <source>廉洁承诺</source>
        <translation>Integrity pledges</translation>
    </message>
    <message>
        <source>承诺类别</source>
        <translation>Pledge type</translation>
    </message>
    <message>
        <source>签订日期</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <source>签订人类别</source>
        <translation>Signer type</translation>
    </message>
    <message>
        <source>工作人员</source>
        <translation>Staff member</translation>
    </message>
    <message>
        <source>签订人</source>
        <translation>Signer</translation>
    </message>
    <message>
        <source>共同签订的家庭成员</source>
        <translation>Family member who signed</translation>
    </message>
    <message>
        <source>与签订人关系</source>
        <translation>Relation to the signer</translation>
    </message>
    <message>
        <source>到警示教育基地学习每年不少于1次</source>
        <translation>A visit to a warning-education base at least once a year</translation>
    </message>
    <message>
        <source>警示教育</source>
        <translation>Warning education</translation>
    </message>
    <message>
        <source>开展日期</source>
        <translation>Held on</translation>
    </message>
    <message>
        <source>组织单位</source>
        <translation>Holding unit</translation>
    </message>
    <message>
        <source>教育形式</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>地点（教育基地）</source>
        <translation>Place (education base)</translation>
    </message>
    <message>
        <source>主题</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>参加人数</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>参加的党组织</source>
        <translation>Party organisations taking part</translation>
    </message>
    <message>
        <source>活动情况</source>
        <translation>What was done</translation>
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
        <source>来信</source>
        <translation>Letter</translation>
    </message>
    <message>
        <source>来访</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>网络</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>信访举报</source>
        <translation>Petitions and reports</translation>
    </message>
    <message>
        <source>巡察移交</source>
        <translation>Referred by inspection tour</translation>
    </message>
    <message>
        <source>上级交办</source>
        <translation>Assigned by higher level</translation>
    </message>
    <message>
        <source>监督发现</source>
        <translation>Found in supervision</translation>
    </message>
    <message>
        <source>其他机关移送</source>
        <translation>Transferred by other authorities</translation>
    </message>
    <message>
        <source>暂存待查</source>
        <translation>Set aside</translation>
    </message>
    <message>
        <source>予以了结</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>一般干部</source>
        <translation>General staff</translation>
    </message>
    <message>
        <source>股级</source>
        <translation>Sub-section level</translation>
    </message>
    <message>
        <source>科级</source>
        <translation>Section level</translation>
    </message>
    <message>
        <source>处级</source>
        <translation>Division level</translation>
    </message>
    <message>
        <source>村（社区）干部</source>
        <translation>Village (community) cadre</translation>
    </message>
    <message>
        <source>其他人员</source>
        <translation>Others</translation>
    </message>
    <message>
        <source>县管干部</source>
        <translation>County-managed cadre</translation>
    </message>
    <message>
        <source>乡镇管干部</source>
        <translation>Township-managed cadre</translation>
    </message>
    <message>
        <source>部门管干部</source>
        <translation>Department-managed cadre</translation>
    </message>
    <message>
        <source>村级干部</source>
        <translation>Village cadre</translation>
    </message>
    <message>
        <source>（一）公务员及参公管理人员</source>
        <translation>(1) Civil servants and staff managed as civil servants</translation>
    </message>
    <message>
        <source>（二）法律法规授权或受委托管理公共事务的组织中从事公务的人员</source>
        <translation>(2) Staff doing public affairs in organisations authorised or entrusted by law</translation>
    </message>
    <message>
        <source>（三）国有企业管理人员</source>
        <translation>(3) Managers of state-owned enterprises</translation>
    </message>
    <message>
        <source>（四）公办教育、科研、文化、医疗卫生、体育等单位中从事管理的人员</source>
        <translation>(4) Managers of public education, research, culture, health and sports units</translation>
    </message>
    <message>
        <source>（五）基层群众性自治组织中从事管理的人员</source>
        <translation>(5) Managers of grassroots self-governing organisations</translation>
    </message>
    <message>
        <source>（六）其他依法履行公职的人员</source>
        <translation>(6) Others performing public duties under law</translation>
    </message>
    <message>
        <source>违反政治纪律</source>
        <translation>Political discipline</translation>
    </message>
    <message>
        <source>对抗组织审查</source>
        <translation>Obstructing organisational review</translation>
    </message>
    <message>
        <source>搞团团伙伙</source>
        <translation>Forming cliques</translation>
    </message>
    <message>
        <source>违反组织纪律</source>
        <translation>Organisational discipline</translation>
    </message>
    <message>
        <source>违规选人用人</source>
        <translation>Improper appointments</translation>
    </message>
    <message>
        <source>不如实报告个人有关事项</source>
        <translation>False reporting of personal matters</translation>
    </message>
    <message>
        <source>违反廉洁纪律</source>
        <translation>Integrity discipline</translation>
    </message>
    <message>
        <source>违规收送礼品礼金</source>
        <translation>Improper gifts or money</translation>
    </message>
    <message>
        <source>违规吃喝</source>
        <translation>Improper wining and dining</translation>
    </message>
    <message>
        <source>违规经商办企业</source>
        <translation>Improper business activities</translation>
    </message>
    <message>
        <source>利用职权谋取利益</source>
        <translation>Using office for gain</translation>
    </message>
    <message>
        <source>违反群众纪律</source>
        <translation>Mass discipline</translation>
    </message>
    <message>
        <source>侵害群众利益</source>
        <translation>Harming the public&apos;s interests</translation>
    </message>
    <message>
        <source>优亲厚友</source>
        <translation>Favouring relatives and friends</translation>
    </message>
    <message>
        <source>吃拿卡要</source>
        <translation>Petty extortion</translation>
    </message>
    <message>
        <source>违反工作纪律</source>
        <translation>Work discipline</translation>
    </message>
    <message>
        <source>形式主义官僚主义</source>
        <translation>Formalism and bureaucratism</translation>
    </message>
    <message>
        <source>履职不力</source>
        <translation>Failure to perform duties</translation>
    </message>
    <message>
        <source>违规干预插手</source>
        <translation>Improper interference</translation>
    </message>
    <message>
        <source>违反生活纪律</source>
        <translation>Personal-conduct discipline</translation>
    </message>
    <message>
        <source>生活作风问题</source>
        <translation>Personal misconduct</translation>
    </message>
    <message>
        <source>职务违法</source>
        <translation>Duty-related illegal acts</translation>
    </message>
    <message>
        <source>贪污</source>
        <translation>Embezzlement</translation>
    </message>
    <message>
        <source>挪用</source>
        <translation>Misappropriation</translation>
    </message>
    <message>
        <source>滥用职权</source>
        <translation>Abuse of power</translation>
    </message>
    <message>
        <source>玩忽职守</source>
        <translation>Dereliction of duty</translation>
    </message>
    <message>
        <source>职务犯罪</source>
        <translation>Duty-related crimes</translation>
    </message>
    <message>
        <source>受贿</source>
        <translation>Taking bribes</translation>
    </message>
    <message>
        <source>第一种形态</source>
        <translation>First form</translation>
    </message>
    <message>
        <source>第二种形态</source>
        <translation>Second form</translation>
    </message>
    <message>
        <source>第三种形态</source>
        <translation>Third form</translation>
    </message>
    <message>
        <source>第四种形态</source>
        <translation>Fourth form</translation>
    </message>
    <message>
        <source>审理</source>
        <translation>Trial</translation>
    </message>
    <message>
        <source>处分宣布送达</source>
        <translation>Announcing a sanction</translation>
    </message>
    <message>
        <source>复审复核决定</source>
        <translation>Decision on a review or recheck</translation>
    </message>
    <message>
        <source>留置</source>
        <translation>Detention</translation>
    </message>
    <message>
        <source>批评教育</source>
        <translation>Criticism and education</translation>
    </message>
    <message>
        <source>责令检查</source>
        <translation>Ordered self-examination</translation>
    </message>
    <message>
        <source>留党察看一年</source>
        <translation>Party probation, one year</translation>
    </message>
    <message>
        <source>留党察看二年</source>
        <translation>Party probation, two years</translation>
    </message>
    <message>
        <source>通报批评</source>
        <translation>Circulated criticism</translation>
    </message>
    <message>
        <source>诫勉</source>
        <translation>Admonishment</translation>
    </message>
    <message>
        <source>党纪处分</source>
        <translation>Party sanction</translation>
    </message>
    <message>
        <source>政务处分</source>
        <translation>Administrative sanction</translation>
    </message>
    <message>
        <source>组织处理</source>
        <translation>Organisational measure</translation>
    </message>
    <message>
        <source>提醒谈话</source>
        <translation>Reminder talk</translation>
    </message>
    <message>
        <source>问责（个人）</source>
        <translation>Accountability (person)</translation>
    </message>
    <message>
        <source>问责（党组织）</source>
        <translation>Accountability (Party organisation)</translation>
    </message>
    <message>
        <source>免予处分</source>
        <translation>Exempted from sanction</translation>
    </message>
    <message>
        <source>移送司法机关</source>
        <translation>Referred to judicial authorities</translation>
    </message>
    <message>
        <source>警告</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>严重警告</source>
        <translation>Serious warning</translation>
    </message>
    <message>
        <source>典型问题通报</source>
        <translation>Circular on typical cases</translation>
    </message>
    <message>
        <source>工作通报</source>
        <translation>Work circular</translation>
    </message>
    <message>
        <source>澄清正名通报</source>
        <translation>Circular clearing a name</translation>
    </message>
    <message>
        <source>每季度下发通报至少1期</source>
        <translation>At least one circular a quarter</translation>
    </message>
    <message>
        <source>通报</source>
        <translation>Circulated notice</translation>
    </message>
    <message>
        <source>文号</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <source>印发日期</source>
        <translation>Issued on</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>通报类别</source>
        <translation>Circular type</translation>
    </message>
    <message>
        <source>印发单位</source>
        <translation>Issuing unit</translation>
    </message>
    <message>
        <source>所涉案件</source>
        <translation>Case concerned</translation>
    </message>
    <message>
        <source>所涉人员</source>
        <translation>Person concerned</translation>
    </message>
    <message>
        <source>通报的人员和问题</source>
        <translation>Persons and matters reported</translation>
    </message>
    <message>
        <source>主送（抄送）单位</source>
        <translation>Addressees (copies)</translation>
    </message>
    <message>
        <source>通报正文</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>检查</source>
        <translation>Self-examination</translation>
    </message>
    <message>
        <source>改组</source>
        <translation>Reorganisation</translation>
    </message>
    <message>
        <source>免予党纪处分</source>
        <translation>Exempted from Party sanction</translation>
    </message>
    <message>
        <source>免予政务处分</source>
        <translation>Exempted from administrative sanction</translation>
    </message>
    <message>
        <source>移送检察机关审查起诉</source>
        <translation>Referred to the procuratorate for prosecution</translation>
    </message>
    <message>
        <source>记过</source>
        <translation>Demerit</translation>
    </message>
    <message>
        <source>记大过</source>
        <translation>Major demerit</translation>
    </message>
    <message>
        <source>停职检查</source>
        <translation>Suspension for self-examination</translation>
    </message>
    <message>
        <source>调整职务</source>
        <translation>Reassignment</translation>
    </message>
    <message>
        <source>责令辞职</source>
        <translation>Ordered to resign</translation>
    </message>
    <message>
        <source>免职</source>
        <translation>Relieved of post</translation>
    </message>
    <message>
        <source>撤销党内职务</source>
        <translation>Removal from Party posts</translation>
    </message>
    <message>
        <source>开除党籍</source>
        <translation>Expulsion from the Party</translation>
    </message>
    <message>
        <source>降级</source>
        <translation>Demotion in grade</translation>
    </message>
    <message>
        <source>撤职</source>
        <translation>Dismissal from post</translation>
    </message>
    <message>
        <source>开除</source>
        <translation>Expulsion from public employment</translation>
    </message>
    <message>
        <source>降职</source>
        <translation>Demotion in post</translation>
    </message>
    <message>
        <source>谈话</source>
        <translation>Talk</translation>
    </message>
    <message>
        <source>函询</source>
        <translation>Letter inquiry</translation>
    </message>
    <message>
        <source>如实说明，予以采信</source>
        <translation>Truthful: accepted</translation>
    </message>
    <message>
        <source>说明不全面，需要补充</source>
        <translation>Incomplete: to be supplemented</translation>
    </message>
    <message>
        <source>不如实说明</source>
        <translation>Not truthful</translation>
    </message>
    <message>
        <source>了结澄清</source>
        <translation>Closed and cleared</translation>
    </message>
    <message>
        <source>第一种形态处理</source>
        <translation>Handled under the first form</translation>
    </message>
    <message>
        <source>转初步核实</source>
        <translation>To preliminary verification</translation>
    </message>
    <message>
        <source>建议立案</source>
        <translation>Case filing proposed</translation>
    </message>
    <message>
        <source>同意</source>
        <translation>Agreed</translation>
    </message>
    <message>
        <source>修改后同意</source>
        <translation>Agreed with changes</translation>
    </message>
    <message>
        <source>亲属</source>
        <translation>Relative</translation>
    </message>
    <message>
        <source>曾经同事</source>
        <translation>Former colleague</translation>
    </message>
    <message>
        <source>同村</source>
        <translation>Same village</translation>
    </message>
    <message>
        <source>同学</source>
        <translation>Schoolmate</translation>
    </message>
    <message>
        <source>同单位</source>
        <translation>Same unit</translation>
    </message>
    <message>
        <source>本人申请</source>
        <translation>At own request</translation>
    </message>
    <message>
        <source>线索提出处置意见</source>
        <translation>Disposal proposal for a clue</translation>
    </message>
    <message>
        <source>函询回复</source>
        <translation>Reply to an inquiry letter</translation>
    </message>
    <message>
        <source>审查调查</source>
        <translation>Investigation</translation>
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
        <source>延期天数</source>
        <translation>Extension (days)</translation>
    </message>
    <message>
        <source>延期理由</source>
        <translation>Reason for extension</translation>
    </message>
    <message>
        <source>已制定方案</source>
        <translation>Plan made</translation>
    </message>
    <message>
        <source>办理中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>已报告</source>
        <translation>Reported</translation>
    </message>
    <message>
        <source>开始办理</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>延期</source>
        <translation>Extend</translation>
    </message>
    <message>
        <source>报告结果</source>
        <translation>Report the outcome</translation>
    </message>
    <message>
        <source>谈话中</source>
        <translation>Talking</translation>
    </message>
    <message>
        <source>已发函待回复</source>
        <translation>Letter sent, awaiting reply</translation>
    </message>
    <message>
        <source>已回复待评估</source>
        <translation>Replied, to assess</translation>
    </message>
    <message>
        <source>开始谈话</source>
        <translation>Start the talk</translation>
    </message>
    <message>
        <source>发出函询函</source>
        <translation>Send the inquiry letter</translation>
    </message>
    <message>
        <source>收到书面回复</source>
        <translation>Written reply received</translation>
    </message>
    <message>
        <source>线索</source>
        <translation>Clue</translation>
    </message>
    <message>
        <source>主办人</source>
        <translation>Lead handler</translation>
    </message>
    <message>
        <source>协办人</source>
        <translation>Assisting handler</translation>
    </message>
    <message>
        <source>其他组员</source>
        <translation>Other team members</translation>
    </message>
    <message>
        <source>工作方案</source>
        <translation>Work plan</translation>
    </message>
    <message>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>完成日期</source>
        <translation>Completion date</translation>
    </message>
    <message>
        <source>处理结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>情况报告</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>申诉（党纪处分）</source>
        <translation>Appeal (party sanction)</translation>
    </message>
    <message>
        <source>复审（政务处分）</source>
        <translation>Review (state sanction)</translation>
    </message>
    <message>
        <source>复核（政务处分）</source>
        <translation>Recheck (state sanction)</translation>
    </message>
    <message>
        <source>维持原决定</source>
        <translation>Upheld</translation>
    </message>
    <message>
        <source>变更</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <source>已作出决定</source>
        <translation>Decided</translation>
    </message>
    <message>
        <source>作出决定</source>
        <translation>Decide</translation>
    </message>
    <message>
        <source>申诉与复审复核</source>
        <translation>Appeals, reviews and rechecks</translation>
    </message>
    <message>
        <source>原处理处分</source>
        <translation>Original measure</translation>
    </message>
    <message>
        <source>受理日期</source>
        <translation>Date received</translation>
    </message>
    <message>
        <source>申请理由</source>
        <translation>Grounds</translation>
    </message>
    <message>
        <source>决定结果</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>变更后的处理</source>
        <translation>Measure after the change</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>谈话函询</source>
        <translation>Talk or letter inquiry</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>初步核实</source>
        <translation>Preliminary verification</translation>
    </message>
    <message>
        <source>立案呈批</source>
        <translation>Filing proposed</translation>
    </message>
    <message>
        <source>已立案</source>
        <translation>Case filed</translation>
    </message>
    <message>
        <source>审查调查中</source>
        <translation>Under investigation</translation>
    </message>
    <message>
        <source>移送审理</source>
        <translation>Referred for hearing</translation>
    </message>
    <message>
        <source>已结案</source>
        <translation>Concluded</translation>
    </message>
    <message>
        <source>立案审批</source>
        <translation>Approve filing</translation>
    </message>
    <message>
        <source>开始审查调查</source>
        <translation>Start investigation</translation>
    </message>
    <message>
        <source>延期审批表</source>
        <translation>Extension approval form</translation>
    </message>
    <message>
        <source>移送审理（提请协审）</source>
        <translation>Send for trial (ask for co-review)</translation>
    </message>
    <message>
        <source>退回补充调查</source>
        <translation>Returned for further investigation</translation>
    </message>
    <message>
        <source>审结</source>
        <translation>Conclude</translation>
    </message>
    <message>
        <source>审理报告</source>
        <translation>Trial report</translation>
    </message>
    <message>
        <source>立案审查调查</source>
        <translation>Case filing and investigation</translation>
    </message>
    <message>
        <source>案件编号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <source>来源线索</source>
        <translation>Source clue</translation>
    </message>
    <message>
        <source>立案日期</source>
        <translation>Filing date</translation>
    </message>
    <message>
        <source>立案审批机关</source>
        <translation>Filing approved by</translation>
    </message>
    <message>
        <source>立案决定书文号</source>
        <translation>Filing decision number</translation>
    </message>
    <message>
        <source>审批日期</source>
        <translation>Approval date</translation>
    </message>
    <message>
        <source>承办单位</source>
        <translation>Handling unit</translation>
    </message>
    <message>
        <source>承办人</source>
        <translation>Handler</translation>
    </message>
    <message>
        <source>指导领办科室</source>
        <translation>Guiding county office</translation>
    </message>
    <message>
        <source>移送审理日期</source>
        <translation>Referred for hearing on</translation>
    </message>
    <message>
        <source>结案日期</source>
        <translation>Concluded on</translation>
    </message>
    <message>
        <source>主要违纪违法事实</source>
        <translation>Main facts of the violations</translation>
    </message>
    <message>
        <source>协办单位</source>
        <translation>Units taking part</translation>
    </message>
    <message>
        <source>参与日期</source>
        <translation>Joined on</translation>
    </message>
    <message>
        <source>参与内容</source>
        <translation>Part taken</translation>
    </message>
    <message>
        <source>已提请协审</source>
        <translation>Co-review requested</translation>
    </message>
    <message>
        <source>已出具意见</source>
        <translation>Opinion given</translation>
    </message>
    <message>
        <source>已办结</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>出具协审意见</source>
        <translation>Give the co-review opinion</translation>
    </message>
    <message>
        <source>登记结果并办结</source>
        <translation>Record the result and complete</translation>
    </message>
    <message>
        <source>补充调查后重新提请</source>
        <translation>Request again after further investigation</translation>
    </message>
    <message>
        <source>协审</source>
        <translation>Co-review</translation>
    </message>
    <message>
        <source>案件</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>函询函文号</source>
        <translation>Letter number</translation>
    </message>
    <message>
        <source>发函日期</source>
        <translation>Letter sent on</translation>
    </message>
    <message>
        <source>送达日期</source>
        <translation>Delivered on</translation>
    </message>
    <message>
        <source>回复期限</source>
        <translation>Reply due</translation>
    </message>
    <message>
        <source>回复日期</source>
        <translation>Replied on</translation>
    </message>
    <message>
        <source>党委（党组）主要负责人</source>
        <translation>Principal leader of the party committee (group)</translation>
    </message>
    <message>
        <source>主要负责人签署意见</source>
        <translation>Principal leader&apos;s signed opinion</translation>
    </message>
    <message>
        <source>回复评估</source>
        <translation>Assessment of the reply</translation>
    </message>
    <message>
        <source>提请日期</source>
        <translation>Requested on</translation>
    </message>
    <message>
        <source>协审人（案件审理室）</source>
        <translation>Co-reviewer (case hearing office)</translation>
    </message>
    <message>
        <source>协审意见</source>
        <translation>Co-review opinion</translation>
    </message>
    <message>
        <source>意见日期</source>
        <translation>Opinion date</translation>
    </message>
    <message>
        <source>协审结果</source>
        <translation>Co-review results</translation>
    </message>
    <message>
        <source>会议澄清</source>
        <translation>Cleared at a meeting</translation>
    </message>
    <message>
        <source>书面澄清</source>
        <translation>Cleared in writing</translation>
    </message>
    <message>
        <source>通报澄清</source>
        <translation>Cleared by circular</translation>
    </message>
    <message>
        <source>免责</source>
        <translation>Exempted</translation>
    </message>
    <message>
        <source>减责</source>
        <translation>Liability reduced</translation>
    </message>
    <message>
        <source>不予免责</source>
        <translation>Not exempted</translation>
    </message>
    <message>
        <source>因缺乏经验、先行先试出现失误，非明知故犯</source>
        <translation>An error from inexperience in trying something first, not a deliberate violation</translation>
    </message>
    <message>
        <source>上级尚无明确限制的探索性试验，非明令禁止后我行我素</source>
        <translation>An exploratory trial the higher level had not restricted, not persisting after an explicit ban</translation>
    </message>
    <message>
        <source>为推动发展的无意过失，非为谋取私利</source>
        <translation>An unintended fault in pursuing development, not for personal gain</translation>
    </message>
    <message>
        <source>决策履行了规定程序</source>
        <translation>The decision followed the required procedure</translation>
    </message>
    <message>
        <source>积极挽回损失、消除影响</source>
        <translation>Losses actively recovered and effects remedied</translation>
    </message>
    <message>
        <source>工作单位</source>
        <translation>Work unit</translation>
    </message>
    <message>
        <source>职务</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>澄清正名</source>
        <translation>Name clearing</translation>
    </message>
    <message>
        <source>所涉线索</source>
        <translation>Clue concerned</translation>
    </message>
    <message>
        <source>澄清日期</source>
        <translation>Cleared on</translation>
    </message>
    <message>
        <source>澄清方式</source>
        <translation>How cleared</translation>
    </message>
    <message>
        <source>澄清范围</source>
        <translation>Scope of clearing</translation>
    </message>
    <message>
        <source>澄清通报</source>
        <translation>Clearing circular</translation>
    </message>
    <message>
        <source>认定诬告陷害</source>
        <translation>Malicious false accusation found</translation>
    </message>
    <message>
        <source>责任追究情况</source>
        <translation>Accountability taken</translation>
    </message>
    <message>
        <source>已申请</source>
        <translation>Applied</translation>
    </message>
    <message>
        <source>已审查</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <source>已决定</source>
        <translation>Decided</translation>
    </message>
    <message>
        <source>审查</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>退回重新审查</source>
        <translation>Send back for review</translation>
    </message>
    <message>
        <source>容错免责</source>
        <translation>Error tolerance</translation>
    </message>
    <message>
        <source>申请日期</source>
        <translation>Applied on</translation>
    </message>
    <message>
        <source>申请容错的事项</source>
        <translation>Matter to be tolerated</translation>
    </message>
    <message>
        <source>审查日期</source>
        <translation>Reviewed on</translation>
    </message>
    <message>
        <source>审查意见</source>
        <translation>Review opinion</translation>
    </message>
    <message>
        <source>处理决定</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>形态</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>处理方式</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>已宣布送达</source>
        <translation>Announced</translation>
    </message>
    <message>
        <source>已执行</source>
        <translation>Executed</translation>
    </message>
    <message>
        <source>已回访</source>
        <translation>Visited</translation>
    </message>
    <message>
        <source>已撤销</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <source>已变更</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>升级前登记</source>
        <translation>Entered before the upgrade</translation>
    </message>
    <message>
        <source>宣布送达</source>
        <translation>Announce and serve</translation>
    </message>
    <message>
        <source>执行</source>
        <translation>Execute</translation>
    </message>
    <message>
        <source>回访教育</source>
        <translation>Follow-up visit</translation>
    </message>
    <message>
        <source>撤销（依申诉或复审复核决定）</source>
        <translation>Revoke (by an appeal, review or recheck decision)</translation>
    </message>
    <message>
        <source>变更（依申诉或复审复核决定）</source>
        <translation>Change (by an appeal, review or recheck decision)</translation>
    </message>
    <message>
        <source>处理处分</source>
        <translation>Measures and sanctions</translation>
    </message>
    <message>
        <source>被问责党组织</source>
        <translation>Party organisation held accountable</translation>
    </message>
    <message>
        <source>处理类别</source>
        <translation>Kind of measure</translation>
    </message>
    <message>
        <source>宣布送达日期</source>
        <translation>Announced on</translation>
    </message>
    <message>
        <source>执行日期</source>
        <translation>Executed on</translation>
    </message>
    <message>
        <source>回访日期</source>
        <translation>Visited on</translation>
    </message>
    <message>
        <source>回访情况</source>
        <translation>Follow-up visit notes</translation>
    </message>
    <message>
        <source>决定文号</source>
        <translation>Decision number</translation>
    </message>
    <message>
        <source>决定机关</source>
        <translation>Deciding body</translation>
    </message>
    <message>
        <source>决定日期</source>
        <translation>Decision date</translation>
    </message>
    <message>
        <source>处分期（影响期）至</source>
        <translation>Sanction (effect) period until</translation>
    </message>
    <message>
        <source>关联线索</source>
        <translation>Related clue</translation>
    </message>
    <message>
        <source>关联案件</source>
        <translation>Related case</translation>
    </message>
    <message>
        <source>办理单位</source>
        <translation>Handling unit</translation>
    </message>
    <message>
        <source>指导领办</source>
        <translation>Guided by the county</translation>
    </message>
    <message>
        <source>指导科室</source>
        <translation>Guiding office</translation>
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
        <source>巡察反馈问题整改</source>
        <translation>Rectifying inspection feedback</translation>
    </message>
    <message>
        <source>反馈日期</source>
        <translation>Feedback date</translation>
    </message>
    <message>
        <source>巡察整改台账</source>
        <translation>Inspection rectification ledger</translation>
    </message>
    <message>
        <source>巡察轮次</source>
        <translation>Inspection round</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>被巡察单位</source>
        <translation>Inspected unit</translation>
    </message>
    <message>
        <source>被巡察村（社区）</source>
        <translation>Inspected village (community)</translation>
    </message>
    <message>
        <source>巡察组</source>
        <translation>Inspection team</translation>
    </message>
    <message>
        <source>进驻日期</source>
        <translation>Stay began</translation>
    </message>
    <message>
        <source>结束日期</source>
        <translation>Stay ended</translation>
    </message>
    <message>
        <source>整改期限</source>
        <translation>Rectification deadline</translation>
    </message>
    <message>
        <source>整改事项</source>
        <translation>Rectification items</translation>
    </message>
    <message>
        <source>未销号</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>逾期</source>
        <translation>Late</translation>
    </message>
    <message>
        <source>销号日期</source>
        <translation>Closing date</translation>
    </message>
    <message>
        <source>约谈日期</source>
        <translation>Admonitory talk date</translation>
    </message>
    <message>
        <source>整改中</source>
        <translation>Being rectified</translation>
    </message>
    <message>
        <source>已销号</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>销号</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>约谈</source>
        <translation>Admonitory talk</translation>
    </message>
    <message>
        <source>追责</source>
        <translation>Hold accountable</translation>
    </message>
    <message>
        <source>退回整改</source>
        <translation>Send back for rectification</translation>
    </message>
    <message>
        <source>巡察</source>
        <translation>Inspection</translation>
    </message>
    <message>
        <source>反馈问题</source>
        <translation>Problem found</translation>
    </message>
    <message>
        <source>整改措施</source>
        <translation>Rectification measure</translation>
    </message>
    <message>
        <source>整改责任人</source>
        <translation>Responsible person</translation>
    </message>
    <message>
        <source>整改时限</source>
        <translation>Item deadline</translation>
    </message>
    <message>
        <source>督办人</source>
        <translation>Followed up by</translation>
    </message>
    <message>
        <source>销号佐证材料</source>
        <translation>Closing evidence</translation>
    </message>
    <message>
        <source>销号核查人</source>
        <translation>Closing checked by</translation>
    </message>
    <message>
        <source>约谈对象</source>
        <translation>Talked with</translation>
    </message>
    <message>
        <source>追责处理</source>
        <translation>Accountability measure</translation>
    </message>
    <message>
        <source>逾期天数</source>
        <translation>Days late</translation>
    </message>
    <message>
        <source>形成日期</source>
        <translation>Prepared on</translation>
    </message>
    <message>
        <source>驻点巡察准备</source>
        <translation>On-site inspection briefings</translation>
    </message>
    <message>
        <source>撰写人</source>
        <translation>Prepared by</translation>
    </message>
    <message>
        <source>政治生态情况</source>
        <translation>Political ecology</translation>
    </message>
    <message>
        <source>参阅材料</source>
        <translation>Sources consulted</translation>
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
        <source>提拔</source>
        <translation>Promotion</translation>
    </message>
    <message>
        <source>评先评优</source>
        <translation>Honours and awards</translation>
    </message>
    <message>
        <source>转任</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>无问题</source>
        <translation>No issues</translation>
    </message>
    <message>
        <source>有问题</source>
        <translation>Issues</translation>
    </message>
    <message>
        <source>暂缓</source>
        <translation>Deferred</translation>
    </message>
    <message>
        <source>待回复</source>
        <translation>Awaiting reply</translation>
    </message>
    <message>
        <source>已回复</source>
        <translation>Replied</translation>
    </message>
    <message>
        <source>回复</source>
        <translation>Reply</translation>
    </message>
    <message>
        <source>重新回复</source>
        <translation>Reply again</translation>
    </message>
    <message>
        <source>廉政意见来函</source>
        <translation>Integrity opinion requests</translation>
    </message>
    <message>
        <source>来函文号</source>
        <translation>Letter number</translation>
    </message>
    <message>
        <source>来函单位</source>
        <translation>Requesting body</translation>
    </message>
    <message>
        <source>收函日期</source>
        <translation>Received on</translation>
    </message>
    <message>
        <source>征求意见事由</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <source>廉政意见回复</source>
        <translation>Integrity opinion replies</translation>
    </message>
    <message>
        <source>来函</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>人员</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>回复意见</source>
        <translation>Reply</translation>
    </message>
    <message>
        <source>问题情况</source>
        <translation>Facts held</translation>
    </message>
    <message>
        <source>暂缓理由</source>
        <translation>Reason for deferring</translation>
    </message>
    <message>
        <source>签发人</source>
        <translation>Signed by</translation>
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
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>内部</source>
        <translation>Internal</translation>
    </message>
    <message>
        <source>工作秘密</source>
        <translation>Work secret</translation>
    </message>
    <message>
        <source>秘密</source>
        <translation>Confidential</translation>
    </message>
    <message>
        <source>机密</source>
        <translation>Secret</translation>
    </message>
    <message>
        <source>密级</source>
        <translation>Classification</translation>
    </message>
    <message>
        <source>知悉范围</source>
        <translation>Need-to-know list</translation>
    </message>
    <message>
        <source>被反映人</source>
        <translation>Person reported on</translation>
    </message>
    <message>
        <source>人员库记录</source>
        <translation>Person register entry</translation>
    </message>
    <message>
        <source>职级</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>管理权限</source>
        <translation>Managed by</translation>
    </message>
    <message>
        <source>所在村（社区）</source>
        <translation>Village (community)</translation>
    </message>
    <message>
        <source>监察对象</source>
        <translation>Person under supervision</translation>
    </message>
    <message>
        <source>中共党员</source>
        <translation>Party member</translation>
    </message>
    <message>
        <source>已受理</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>已转线索</source>
        <translation>Turned into a clue</translation>
    </message>
    <message>
        <source>已存档</source>
        <translation>Archived</translation>
    </message>
    <message>
        <source>转为问题线索</source>
        <translation>Turn into a problem clue</translation>
    </message>
    <message>
        <source>存档（不构成线索）</source>
        <translation>Archive (not a clue)</translation>
    </message>
    <message>
        <source>重新受理</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>来件编号</source>
        <translation>Report no.</translation>
    </message>
    <message>
        <source>收到日期</source>
        <translation>Received on</translation>
    </message>
    <message>
        <source>反映方式</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>实名</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>举报人</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <source>举报人联系方式</source>
        <translation>Reporter&apos;s contact</translation>
    </message>
    <message>
        <source>问题类别</source>
        <translation>Problem category</translation>
    </message>
    <message>
        <source>二级类别</source>
        <translation>Subcategory</translation>
    </message>
    <message>
        <source>反映内容摘要</source>
        <translation>Summary of the report</translation>
    </message>
    <message>
        <source>仅登记</source>
        <translation>Register only</translation>
    </message>
    <message>
        <source>已登记</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>已拟办待批</source>
        <translation>Proposed, awaiting approval</translation>
    </message>
    <message>
        <source>谈话函询中</source>
        <translation>Talk or letter inquiry under way</translation>
    </message>
    <message>
        <source>初步核实中</source>
        <translation>Preliminary verification under way</translation>
    </message>
    <message>
        <source>已了结</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>提出处置意见（呈批）</source>
        <translation>Propose disposal (for approval)</translation>
    </message>
    <message>
        <source>初核后暂存待查</source>
        <translation>Hold after verification</translation>
    </message>
    <message>
        <source>办结</source>
        <translation>Complete</translation>
    </message>
    <message>
        <source>交叉办理（交片区内其他单位）</source>
        <translation>Cross-handling (to another unit of the zone)</translation>
    </message>
    <message>
        <source>重新启用（暂存线索）</source>
        <translation>Reactivate (set-aside clue)</translation>
    </message>
    <message>
        <source>退回重拟</source>
        <translation>Return for a new proposal</translation>
    </message>
    <message>
        <source>问题线索</source>
        <translation>Problem clues</translation>
    </message>
    <message>
        <source>线索编号</source>
        <translation>Clue no.</translation>
    </message>
    <message>
        <source>线索来源</source>
        <translation>Clue source</translation>
    </message>
    <message>
        <source>来源信访件</source>
        <translation>Source report</translation>
    </message>
    <message>
        <source>登记日期</source>
        <translation>Registered on</translation>
    </message>
    <message>
        <source>线索摘要</source>
        <translation>Clue summary</translation>
    </message>
    <message>
        <source>拟办意见</source>
        <translation>Proposed handling</translation>
    </message>
    <message>
        <source>审批领导</source>
        <translation>Approving leader</translation>
    </message>
    <message>
        <source>处置方式</source>
        <translation>Disposal</translation>
    </message>
    <message>
        <source>处置理由</source>
        <translation>Reason for disposal</translation>
    </message>
    <message>
        <source>集体研究日期</source>
        <translation>Collective decision date</translation>
    </message>
    <message>
        <source>来源驻村记录</source>
        <translation>Source residency record</translation>
    </message>
    <message>
        <source>疑似重复</source>
        <translation>Possible duplicate</translation>
    </message>
    <message>
        <source>办理期限设置</source>
        <translation>Deadline settings</translation>
    </message>
    <message>
        <source>办理环节</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>期限（天）</source>
        <translation>Time limit (days)</translation>
    </message>
    <message>
        <source>工作日</source>
        <translation>Working days</translation>
    </message>
    <message>
        <source>依据或说明</source>
        <translation>Basis or notes</translation>
    </message>
    <message>
        <source>回避关系申报</source>
        <translation>Recusal declarations</translation>
    </message>
    <message>
        <source>申报人</source>
        <translation>Declared by</translation>
    </message>
    <message>
        <source>关系人姓名</source>
        <translation>Related person</translation>
    </message>
    <message>
        <source>关系人单位</source>
        <translation>Related person&apos;s unit</translation>
    </message>
    <message>
        <source>关系</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <source>申报日期</source>
        <translation>Declared on</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>文书编号</source>
        <translation>Document number</translation>
    </message>
    <message>
        <source>文书日期</source>
        <translation>Document date</translation>
    </message>
    <message>
        <source>乡镇纪委（驻村）</source>
        <translation>Township commissions (village residency)</translation>
    </message>
    <message>
        <source>派驻组（驻在）</source>
        <translation>Dispatched groups (residency at units)</translation>
    </message>
    <message>
        <source>两者</source>
        <translation>Both</translation>
    </message>
    <message>
        <source>村务公开</source>
        <translation>Openness of village affairs</translation>
    </message>
    <message>
        <source>集体“三资”管理</source>
        <translation>Management of collective funds, assets and resources</translation>
    </message>
    <message>
        <source>惠民惠农资金发放</source>
        <translation>Payment of welfare and farm subsidies</translation>
    </message>
    <message>
        <source>“三重一大”事项决策</source>
        <translation>Decisions on “three majors, one large” matters</translation>
    </message>
    <message>
        <source>作风问题</source>
        <translation>Conduct problems</translation>
    </message>
    <message>
        <source>村级纪检监察员履职</source>
        <translation>Village liaisons&apos; performance of duties</translation>
    </message>
    <message>
        <source>“签字背书”落实</source>
        <translation>Implementation of “sign-off”</translation>
    </message>
    <message>
        <source>主要负责人谈话纪实</source>
        <translation>Talk records of principal leaders</translation>
    </message>
    <message>
        <source>廉政风险防控</source>
        <translation>Integrity risk control</translation>
    </message>
    <message>
        <source>签字背书检查</source>
        <translation>Sign-off checks</translation>
    </message>
    <message>
        <source>谈话纪实季检季报</source>
        <translation>Talk records: quarterly check and report</translation>
    </message>
    <message>
        <source>主要负责人</source>
        <translation>Principal leader</translation>
    </message>
    <message>
        <source>任职谈话</source>
        <translation>Appointment talks</translation>
    </message>
    <message>
        <source>日常谈话</source>
        <translation>Routine talks</translation>
    </message>
    <message>
        <source>其他谈话</source>
        <translation>Other talks</translation>
    </message>
    <message>
        <source>检查情况</source>
        <translation>Findings of the check</translation>
    </message>
    <message>
        <source>已季报</source>
        <translation>Quarterly report sent</translation>
    </message>
    <message>
        <source>三重一大季反馈</source>
        <translation>“Three majors, one large”: quarterly feedback</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Matter</translation>
    </message>
    <message>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>决策会议</source>
        <translation>Deciding meeting</translation>
    </message>
    <message>
        <source>会议日期</source>
        <translation>Meeting date</translation>
    </message>
    <message>
        <source>参会人员</source>
        <translation>Attendees</translation>
    </message>
    <message>
        <source>异议情况</source>
        <translation>Objections raised</translation>
    </message>
    <message>
        <source>监督方式</source>
        <translation>Supervision</translation>
    </message>
    <message>
        <source>监督意见</source>
        <translation>Supervision findings</translation>
    </message>
    <message>
        <source>已季反馈</source>
        <translation>Quarterly feedback sent</translation>
    </message>
    <message>
        <source>讲规学法检查</source>
        <translation>Rules and law study checks</translation>
    </message>
    <message>
        <source>已安排</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>已驻村（在）</source>
        <translation>Visited</translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>录入记录表</source>
        <translation>Enter the record sheet</translation>
    </message>
    <message>
        <source>取消安排</source>
        <translation>Cancel the visit</translation>
    </message>
    <message>
        <source>重新安排</source>
        <translation>Reschedule</translation>
    </message>
    <message>
        <source>退回修改</source>
        <translation>Return for correction</translation>
    </message>
    <message>
        <source>驻村（驻在）监督</source>
        <translation>Residency supervision</translation>
    </message>
    <message>
        <source>记录表编码</source>
        <translation>Record sheet code</translation>
    </message>
    <message>
        <source>季度</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <source>安排日期</source>
        <translation>Planned date</translation>
    </message>
    <message>
        <source>天数</source>
        <translation>Days</translation>
    </message>
    <message>
        <source>实际驻村（在）日期</source>
        <translation>Actual visit date</translation>
    </message>
    <message>
        <source>检查事项</source>
        <translation>Check items</translation>
    </message>
    <message>
        <source>谈话人员</source>
        <translation>People talked to</translation>
    </message>
    <message>
        <source>发现情况</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>存在问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>发现的问题线索</source>
        <translation>Problem clues found</translation>
    </message>
    <message>
        <source>跟进措施</source>
        <translation>Follow-up measures</translation>
    </message>
    <message>
        <source>检查事项设置</source>
        <translation>Checklist settings</translation>
    </message>
    <message>
        <source>适用于</source>
        <translation>Applies to</translation>
    </message>
    <message>
        <source>排序</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>台账</source>
        <translation>Ledger</translation>
    </message>
    <message>
        <source>检查日期</source>
        <translation>Check date</translation>
    </message>
    <message>
        <source>本乡镇党委</source>
        <translation>Own township Party committee</translation>
    </message>
    <message>
        <source>重大决策</source>
        <translation>Major decision</translation>
    </message>
    <message>
        <source>重要人事任免</source>
        <translation>Important appointment or removal</translation>
    </message>
    <message>
        <source>重大项目安排</source>
        <translation>Major project</translation>
    </message>
    <message>
        <source>大额资金使用</source>
        <translation>Use of large funds</translation>
    </message>
    <message>
        <source>党委（党组）会议</source>
        <translation>Party committee (leading group) meeting</translation>
    </message>
    <message>
        <source>领导班子会议</source>
        <translation>Leadership meeting</translation>
    </message>
    <message>
        <source>村两委联席会议</source>
        <translation>Joint meeting of the village committees</translation>
    </message>
    <message>
        <source>村民（代表）会议</source>
        <translation>Villagers&apos; (representatives&apos;) meeting</translation>
    </message>
    <message>
        <source>其他会议</source>
        <translation>Other meeting</translation>
    </message>
    <message>
        <source>列席监督</source>
        <translation>Attended the meeting</translation>
    </message>
    <message>
        <source>事后审查</source>
        <translation>Reviewed afterwards</translation>
    </message>
    <message>
        <source>监委会会议</source>
        <translation>Committee meeting</translation>
    </message>
    <message>
        <source>列席村两委会议</source>
        <translation>Attended a village committees&apos; meeting</translation>
    </message>
    <message>
        <source>财务审核</source>
        <translation>Financial review</translation>
    </message>
    <message>
        <source>村务监督检查</source>
        <translation>Supervision of village affairs</translation>
    </message>
    <message>
        <source>检查对象</source>
        <translation>Checked body</translation>
    </message>
    <message>
        <source>发现问题</source>
        <translation>Problems found</translation>
    </message>
    <message>
        <source>整改和跟进</source>
        <translation>Rectification and follow-up</translation>
    </message>
    <message>
        <source>签字背书事项</source>
        <translation>Matter signed off</translation>
    </message>
    <message>
        <source>所回复的函询</source>
        <translation>Letter inquiry replied to</translation>
    </message>
    <message>
        <source>签字人（主要负责人）</source>
        <translation>Signed by (principal leader)</translation>
    </message>
    <message>
        <source>签字人职务</source>
        <translation>Signer&apos;s post</translation>
    </message>
    <message>
        <source>签字日期</source>
        <translation>Signing date</translation>
    </message>
    <message>
        <source>已上报</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>检查内容</source>
        <translation>Checked content</translation>
    </message>
    <message>
        <source>村务监督委员会成员</source>
        <translation>Village supervision committee members</translation>
    </message>
    <message>
        <source>任期开始</source>
        <translation>Term start</translation>
    </message>
    <message>
        <source>任期结束</source>
        <translation>Term end</translation>
    </message>
    <message>
        <source>村务监督委员会工作记录</source>
        <translation>Village supervision committee records</translation>
    </message>
    <message>
        <source>事由</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>参加人员</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>监督内容</source>
        <translation>What was supervised</translation>
    </message>
    <message>
        <source>处理情况</source>
        <translation>Handling</translation>
    </message>
    <message>
        <source>联络员月报</source>
        <translation>Liaison monthly reports</translation>
    </message>
    <message>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>联络员</source>
        <translation>Liaison</translation>
    </message>
    <message>
        <source>报告日期</source>
        <translation>Report date</translation>
    </message>
    <message>
        <source>村务公开情况</source>
        <translation>Village affairs disclosure</translation>
    </message>
    <message>
        <source>“三资”管理情况</source>
        <translation>Management of collective funds, assets and resources</translation>
    </message>
    <message>
        <source>上报问题线索</source>
        <translation>Problem clues handed up</translation>
    </message>
    <message>
        <source>上报线索数</source>
        <translation>Clues handed up</translation>
    </message>
    <message>
        <source>学习情况</source>
        <translation>Study</translation>
    </message>
    <message>
        <source>人员库</source>
        <translation>Person register</translation>
    </message>
    <message>
        <source>身份证号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>监察对象类别</source>
        <translation>Category of person under supervision</translation>
    </message>
    <message>
        <source>节假日调整</source>
        <translation>Holiday adjustments</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>调休上班</source>
        <translation>Adjusted working day</translation>
    </message>
    <message>
        <source>节日名称</source>
        <translation>Holiday</translation>
    </message>
    <message>
        <source>已上报县纪委监委</source>
        <translation>Reported up to the county commission</translation>
    </message>
    <message>
        <source>上报县纪委监委（超出管理权限）</source>
        <translation>Report up to the county commission (outside this unit&apos;s authority)</translation>
    </message>
    <message>
        <source>受理（提级办理或指定管辖）</source>
        <translation>Take in (taken up or assigned)</translation>
    </message>
    <message>
        <source>回避（更换承办人）</source>
        <translation>Recusal (change the handler)</translation>
    </message>
    <message>
        <source>回避决定</source>
        <translation>Recusal decisions</translation>
    </message>
    <message>
        <source>事项类别</source>
        <translation>Kind of matter</translation>
    </message>
    <message>
        <source>记录编号</source>
        <translation>Record number</translation>
    </message>
    <message>
        <source>回避人</source>
        <translation>Stepped aside</translation>
    </message>
    <message>
        <source>接任人</source>
        <translation>Taken over by</translation>
    </message>
    <message>
        <source>回避事由</source>
        <translation>Ground</translation>
    </message>
    <message>
        <source>回避理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>批准人（机关）</source>
        <translation>Approved by</translation>
    </message>
    <message>
        <source>审理中</source>
        <translation>Under trial</translation>
    </message>
    <message>
        <source>已提出审理意见</source>
        <translation>Opinion given</translation>
    </message>
    <message>
        <source>提出审理意见</source>
        <translation>Give the trial opinion</translation>
    </message>
    <message>
        <source>承办人（审理室）</source>
        <translation>Handler (trial office)</translation>
    </message>
    <message>
        <source>审理报告文号</source>
        <translation>Trial report number</translation>
    </message>
    <message>
        <source>审理报告日期</source>
        <translation>Trial report date</translation>
    </message>
    <message>
        <source>审理意见</source>
        <translation>Trial opinion</translation>
    </message>
    <message>
        <source>审理结果</source>
        <translation>Trial result</translation>
    </message>
    <message>
        <source>留置中</source>
        <translation>Detained</translation>
    </message>
    <message>
        <source>已解除</source>
        <translation>Released</translation>
    </message>
    <message>
        <source>延长留置</source>
        <translation>Extend the detention</translation>
    </message>
    <message>
        <source>延长留置决定书</source>
        <translation>Detention extension decision</translation>
    </message>
    <message>
        <source>解除留置</source>
        <translation>Release</translation>
    </message>
    <message>
        <source>解除留置决定书</source>
        <translation>Release decision</translation>
    </message>
    <message>
        <source>批准机关</source>
        <translation>Approved by</translation>
    </message>
    <message>
        <source>留置决定书文号</source>
        <translation>Detention decision number</translation>
    </message>
    <message>
        <source>留置开始日期</source>
        <translation>Detained from</translation>
    </message>
    <message>
        <source>留置场所</source>
        <translation>Place of detention</translation>
    </message>
    <message>
        <source>解除日期</source>
        <translation>Released on</translation>
    </message>
    <message>
        <source>解除原因</source>
        <translation>Reason for the release</translation>
    </message>
    <message>
        <source>好</source>
        <translation>Good</translation>
    </message>
    <message>
        <source>较好</source>
        <translation>Fairly good</translation>
    </message>
    <message>
        <source>一般</source>
        <translation>Fair</translation>
    </message>
    <message>
        <source>较差</source>
        <translation>Poor</translation>
    </message>
    <message>
        <source>半年述职述廉</source>
        <translation>Half-year work and integrity report</translation>
    </message>
    <message>
        <source>述职单位</source>
        <translation>Reporting unit</translation>
    </message>
    <message>
        <source>半年</source>
        <translation>Half-year</translation>
    </message>
    <message>
        <source>述职日期</source>
        <translation>Report date</translation>
    </message>
    <message>
        <source>述职人</source>
        <translation>Reported by</translation>
    </message>
    <message>
        <source>述职内容摘要</source>
        <translation>Summary of the report</translation>
    </message>
    <message>
        <source>县纪委反馈日期</source>
        <translation>County feedback date</translation>
    </message>
    <message>
        <source>述职述廉评价反馈</source>
        <translation>Feedback on work and integrity reports</translation>
    </message>
    <message>
        <source>述职述廉</source>
        <translation>Work and integrity report</translation>
    </message>
    <message>
        <source>评价</source>
        <translation>Rating</translation>
    </message>
    <message>
        <source>反馈意见</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <source>听取党委一岗双责汇报</source>
        <translation>Hearing the Party committee on dual responsibility</translation>
    </message>
    <message>
        <source>一岗双责汇报</source>
        <translation>Dual-responsibility reports</translation>
    </message>
    <message>
        <source>听取单位</source>
        <translation>Hearing unit</translation>
    </message>
    <message>
        <source>汇报日期</source>
        <translation>Date heard</translation>
    </message>
    <message>
        <source>汇报的党委（人）</source>
        <translation>Reporting Party committee (member)</translation>
    </message>
    <message>
        <source>汇报内容</source>
        <translation>What was reported</translation>
    </message>
    <message>
        <source>纪委意见</source>
        <translation>Commission&apos;s opinion</translation>
    </message>
    <message>
        <source>每月一课</source>
        <translation>Monthly lesson</translation>
    </message>
    <message>
        <source>举办单位</source>
        <translation>Holding unit</translation>
    </message>
    <message>
        <source>授课日期</source>
        <translation>Lesson date</translation>
    </message>
    <message>
        <source>授课主题</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>授课人</source>
        <translation>Teacher</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>到课人数</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>缺课人数</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>每月一课签到</source>
        <translation>Monthly lesson attendance</translation>
    </message>
    <message>
        <source>课程</source>
        <translation>Lesson</translation>
    </message>
    <message>
        <source>出勤</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>缺课原因</source>
        <translation>Reason for absence</translation>
    </message>
    <message>
        <source>每周一测</source>
        <translation>Weekly test</translation>
    </message>
    <message>
        <source>测试日期</source>
        <translation>Test date</translation>
    </message>
    <message>
        <source>测试内容</source>
        <translation>Test subject</translation>
    </message>
    <message>
        <source>参测人数</source>
        <translation>Sat the test</translation>
    </message>
    <message>
        <source>平均分</source>
        <translation>Average score</translation>
    </message>
    <message>
        <source>每周一测成绩</source>
        <translation>Weekly test scores</translation>
    </message>
    <message>
        <source>测试</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>成绩</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>未参测原因</source>
        <translation>Reason for not sitting</translation>
    </message>
</context>
</TS>
