<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ApplicationsPage</name>
    <message>
        <source>我的申报</source>
        <translation>My applications</translation>
    </message>
    <message>
        <source>在“政策自评”中选择可以申报的项目，点击“开始申报”即在此建立一份申报。逐步填写的申报向导在后续版本提供；现在可以按 examples/ 中的格式准备申报文件，用 python -m desktop draft 生成申报包。</source>
        <translation>Choose a programme you can apply for under &quot;Self-assessment&quot; and click &quot;Start application&quot; to create an application here. Step-by-step application wizards come in a later version; for now, prepare an application file in the format of examples/ and build the bundle with python -m desktop draft.</translation>
    </message>
    <message>
        <source>申报类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>最后修改</source>
        <translation>Last changed</translation>
    </message>
</context>
<context>
    <name>AssessmentTable</name>
    <message>
        <source>（无文号）</source>
        <translation>(no document number)</translation>
    </message>
    <message>
        <source>由主管部门确定</source>
        <translation>Set by the authority</translation>
    </message>
    <message>
        <source>长期</source>
        <translation>open-ended</translation>
    </message>
    <message>
        <source>{start} 至 {end}</source>
        <translation>{start} to {end}</translation>
    </message>
</context>
<context>
    <name>AssessmentTableModel</name>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>政策项目</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>地区</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>预计金额（万元）</source>
        <translation>Estimate (10k yuan)</translation>
    </message>
    <message>
        <source>有效期</source>
        <translation>Valid</translation>
    </message>
</context>
<context>
    <name>ChangesView</name>
    <message>
        <source>内容</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>原规则</source>
        <translation>Old rule</translation>
    </message>
    <message>
        <source>新规则</source>
        <translation>New rule</translation>
    </message>
    <message>
        <source>依据条款</source>
        <translation>Clause</translation>
    </message>
    <message>
        <source>政策项目没有变化</source>
        <translation>No programme changed</translation>
    </message>
    <message>
        <source>新增项目</source>
        <translation>Programmes added</translation>
    </message>
    <message>
        <source>移除项目</source>
        <translation>Programmes removed</translation>
    </message>
    <message>
        <source>变更项目（{n}）</source>
        <translation>Programmes changed ({n})</translation>
    </message>
    <message>
        <source>其他变化：{fields}</source>
        <translation>Other changes: {fields}</translation>
    </message>
    <message>
        <source>受影响的草稿（{n}，仍按原规则包，重新自评后才采用新规则）</source>
        <translation>Drafts affected ({n}; they keep their rule pack until re-assessed)</translation>
    </message>
    <message>
        <source>规则包 {v}</source>
        <translation>Rule pack {v}</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>显示其他地区的政策(&amp;O)</source>
        <translation>Show &amp;other regions</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>全部类别</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>评估日期(&amp;D)：</source>
        <translation>Assessment &amp;date:</translation>
    </message>
    <message>
        <source>筛选(&amp;T)：</source>
        <translation>Fil&amp;ter:</translation>
    </message>
    <message>
        <source>无法识别“{text}”：{reason}。评估日期仍是 {day}，按 Esc 恢复。</source>
        <translation>Cannot read “{text}”: {reason}. The assessment date is still {day}; press Esc to restore it.</translation>
    </message>
    <message>
        <source>（未填写企业名称）</source>
        <translation>(no enterprise name yet)</translation>
    </message>
    <message>
        <source>企业：{name}</source>
        <translation>Enterprise: {name}</translation>
    </message>
    <message>
        <source>在 {day} 这一天，适用于本企业所在地的 {n} 项政策均已过期，不能再据此申报。请向主管部门索取最新规则包；也可以把评估日期改到政策有效期内，查看当时的结论。</source>
        <translation>On {day}, all {n} programmes for this enterprise&apos;s region have expired; no application can be based on them. Ask the authority for the current rule pack, or set the assessment date inside the programmes&apos; validity to see the result at that time.</translation>
    </message>
    <message>
        <source>在 {day} 这一天，有 {n} 项政策已过期。</source>
        <translation>On {day}, {n} programme(s) have expired.</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <source>如 2018-06-01 或 2018年6月1日</source>
        <translation>e.g. 2018-06-01 or 2018年6月1日</translation>
    </message>
    <message>
        <source>从日历中选择</source>
        <translation>Pick from a calendar</translation>
    </message>
</context>
<context>
    <name>DeskDetail</name>
    <message>
        <source>已提供</source>
        <translation>Provided</translation>
    </message>
    <message>
        <source>待签章</source>
        <translation>To be sealed</translation>
    </message>
    <message>
        <source>缺</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>不适用</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>政策项目</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>审核状态</source>
        <translation>Review status</translation>
    </message>
    <message>
        <source>复核</source>
        <translation>Re-assessment</translation>
    </message>
    <message>
        <source>企业自评</source>
        <translation>Enterprise&apos;s own assessment</translation>
    </message>
    <message>
        <source>本机规则包复核</source>
        <translation>This desk&apos;s rule pack</translation>
    </message>
    <message>
        <source>标记</source>
        <translation>Flags</translation>
    </message>
    <message>
        <source>已处理的重复申报</source>
        <translation>Double claims settled</translation>
    </message>
    <message>
        <source>文书核对</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>材料清单</source>
        <translation>Materials checklist</translation>
    </message>
    <message>
        <source>审核记录</source>
        <translation>Review log</translation>
    </message>
</context>
<context>
    <name>DeskPage</name>
    <message>
        <source>收件台无法打开：</source>
        <translation>The intake desk cannot be opened: </translation>
    </message>
    <message>
        <source>请先填写经办人姓名</source>
        <translation>Your name first</translation>
    </message>
    <message>
        <source>经办人(&amp;N)：</source>
        <translation>Official (&amp;N):</translation>
    </message>
    <message>
        <source>从文件夹收件(&amp;R)…</source>
        <translation>&amp;Receive from folder…</translation>
    </message>
    <message>
        <source>选择申报包(&amp;B)…</source>
        <translation>Choose &amp;bundles…</translation>
    </message>
    <message>
        <source>如：某县工业和信息化局</source>
        <translation>e.g. County Bureau of Industry</translation>
    </message>
    <message>
        <source>填报单位(&amp;U)：</source>
        <translation>Reporting &amp;unit:</translation>
    </message>
    <message>
        <source>导出汇总表(&amp;E)…</source>
        <translation>&amp;Export summary…</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <source>政策项目</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>标记</source>
        <translation>Flags</translation>
    </message>
    <message>
        <source>申请
（万元）</source>
        <translation>Requested
(10k yuan)</translation>
    </message>
    <message>
        <source>测算
（万元）</source>
        <translation>Estimated
(10k yuan)</translation>
    </message>
    <message>
        <source>开始审核</source>
        <translation>Start review</translation>
    </message>
    <message>
        <source>通过</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>退回补正</source>
        <translation>Return for correction</translation>
    </message>
    <message>
        <source>不予支持</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <source>✓ 已处理</source>
        <translation>✓ Settled</translation>
    </message>
    <message>
        <source>缺 %1</source>
        <translation>%1 missing</translation>
    </message>
    <message>
        <source>齐</source>
        <translation>Complete</translation>
    </message>
    <message>
        <source>未接收（%1）</source>
        <translation>Not accepted (%1)</translation>
    </message>
    <message>
        <source>&lt;p&gt;没有拒收的申报包。&lt;/p&gt;</source>
        <translation>&lt;p&gt;No bundle has been refused.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>以下文件未通过校验，没有登记；每个文件的全部问题都列出。请企业改正后重新提交。</source>
        <translation>These files failed the checks and were not registered; every problem of each file is listed. Ask the enterprise to correct them and submit again.</translation>
    </message>
    <message>
        <source>重新审核</source>
        <translation>Reopen review</translation>
    </message>
    <message>
        <source>&lt;p&gt;选择左侧的一份收件查看核验结果。&lt;/p&gt;</source>
        <translation>&lt;p&gt;Select a received application on the left to see its proof.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>仍然通过</source>
        <translation>Approve anyway</translation>
    </message>
    <message>
        <source>这份申报缺少 %1 项材料：%2。纸质材料已收齐的，再点“仍然通过”；否则请“退回补正”。</source>
        <translation>This application lacks %1 material(s): %2. If the paper copies are in, click “Approve anyway”; otherwise “Return for correction”.</translation>
    </message>
    <message>
        <source>收件 #%1 已改为“%2”。</source>
        <translation>Application #%1 is now “%2”.</translation>
    </message>
    <message>
        <source>请先填写经办人姓名：每一项操作都会记入审核日志。</source>
        <translation>Please type your name first: every action goes into the review log.</translation>
    </message>
    <message>
        <source>查找范围：</source>
        <translation>Look in:</translation>
    </message>
    <message>
        <source>文件名(&amp;N)：</source>
        <translation>File &amp;name:</translation>
    </message>
    <message>
        <source>文件夹(&amp;N)：</source>
        <translation>Folder &amp;name:</translation>
    </message>
    <message>
        <source>文件类型：</source>
        <translation>Files of type:</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>选择存放申报包的文件夹（如U盘）</source>
        <translation>Choose the folder holding the bundles (e.g. a USB stick)</translation>
    </message>
    <message>
        <source>选择申报包</source>
        <translation>Choose bundles</translation>
    </message>
    <message>
        <source>拒收 %1 份：%2。每个文件的全部问题见“未接收”。</source>
        <translation>%1 refused: %2. Every problem of each file is under “Not accepted”.</translation>
    </message>
    <message>
        <source>申报包 (*.zip)</source>
        <translation>Bundles (*.zip)</translation>
    </message>
    <message>
        <source>材料</source>
        <translation>Materials</translation>
    </message>
    <message>
        <source>收件</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>退回补正、不予支持时必填</source>
        <translation>Required to return or refuse</translation>
    </message>
    <message>
        <source>理由(&amp;Y)：</source>
        <translation>Reason (&amp;Y):</translation>
    </message>
    <message>
        <source>正在核验申报包…</source>
        <translation>Proving bundles…</translation>
    </message>
    <message>
        <source>已核验 %1/%2：%3</source>
        <translation>Proven %1/%2: %3</translation>
    </message>
    <message>
        <source>收件 %1 份，已收到过 %2 份，拒收 %3 份。</source>
        <translation>Received %1, already received %2, rejected %3.</translation>
    </message>
    <message>
        <source>收件失败：</source>
        <translation>Receiving failed: </translation>
    </message>
    <message>
        <source>请先填写填报单位：它印在汇总表的表头。</source>
        <translation>Fill in the reporting unit first: it is printed at the head of the summary.</translation>
    </message>
    <message>
        <source>导出汇总表</source>
        <translation>Export summary</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>（填报单位）</source>
        <translation>(reporting office)</translation>
    </message>
    <message>
        <source>无法写入汇总表：</source>
        <translation>Cannot write the summary: </translation>
    </message>
    <message>
        <source>已导出汇总表：</source>
        <translation>Summary exported: </translation>
    </message>
</context>
<context>
    <name>DeskStatus</name>
    <message>
        <source>已收到</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>审核中</source>
        <translation>Under review</translation>
    </message>
    <message>
        <source>通过</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>退回补正</source>
        <translation>Returned for correction</translation>
    </message>
    <message>
        <source>不予支持</source>
        <translation>Refused</translation>
    </message>
</context>
<context>
    <name>DeskVerdict</name>
    <message>
        <source>与重新生成的逐字节一致</source>
        <translation>identical to the re-drafted document, byte for byte</translation>
    </message>
    <message>
        <source>与重新生成的不一致</source>
        <translation>differs from the re-drafted document</translation>
    </message>
    <message>
        <source>无法逐字节证明</source>
        <translation>cannot be proven byte for byte</translation>
    </message>
    <message>
        <source>未重新生成比对</source>
        <translation>not re-drafted</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>按原文计算</source>
        <translation>as the text states</translation>
    </message>
    <message>
        <source>估算</source>
        <translation>estimate</translation>
    </message>
    <message>
        <source>上限</source>
        <translation>upper bound</translation>
    </message>
    <message>
        <source>由主管部门确定</source>
        <translation>Set by the authority</translation>
    </message>
    <message>
        <source>依据</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>查看原文</source>
        <translation>View original text</translation>
    </message>
    <message>
        <source>（无文号）</source>
        <translation>(no document number)</translation>
    </message>
    <message>
        <source>开始申报 →</source>
        <translation>Start application →</translation>
    </message>
    <message>
        <source>符合全部条件后，可在此开始申报。</source>
        <translation>Once every condition is met, you can start the application here.</translation>
    </message>
    <message>
        <source>待补充的信息（点击填写）</source>
        <translation>Missing information (click to fill in)</translation>
    </message>
    <message>
        <source>条件</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <source>万元</source>
        <translation>× 10k yuan</translation>
    </message>
    <message>
        <source>暂无金额</source>
        <translation>No amount yet</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>申报材料</source>
        <translation>Required materials</translation>
    </message>
</context>
<context>
    <name>ExportLogPage</name>
    <message>
        <source>导出记录</source>
        <translation>Exports</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>申报</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>规则包</source>
        <translation>Rule pack</translation>
    </message>
</context>
<context>
    <name>ExportsPage</name>
    <message>
        <source>导出记录</source>
        <translation>Exports</translation>
    </message>
    <message>
        <source>本机导出的申报包会列在这里。申报向导提供之前，用 python -m desktop draft 生成的申报包不在此登记。</source>
        <translation>Bundles exported on this computer are listed here. Until the wizards arrive, bundles built with python -m desktop draft are not recorded here.</translation>
    </message>
</context>
<context>
    <name>FactWidgets</name>
    <message>
        <source>从日历中选择</source>
        <translation>Pick from a calendar</translation>
    </message>
    <message>
        <source>如 2018-06-01 或 2018年6月1日</source>
        <translation>e.g. 2018-06-01 or 2018年6月1日</translation>
    </message>
    <message>
        <source>如 1200000、8000万、0.8亿（默认单位：元）</source>
        <translation>e.g. 1200000, 8000万, 0.8亿 (default unit: yuan)</translation>
    </message>
    <message>
        <source>0 到 1 之间（一部分占全部的比例），如 0.3 表示 30%</source>
        <translation>between 0 and 1 (a part of the whole), e.g. 0.3 for 30%</translation>
    </message>
    <message>
        <source>整数（{unit}）</source>
        <translation>Whole number ({unit})</translation>
    </message>
    <message>
        <source>（未填写）</source>
        <translation>(not answered)</translation>
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
        <source>输入代码、名称或拼音首字母搜索</source>
        <translation>Type a code, part of the name or pinyin initials</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>欢迎使用 {app}</source>
        <translation>Welcome to {app}</translation>
    </message>
    <message>
        <source>第一次使用，请选择身份和界面语言。以后可以在“设置”菜单中更改。</source>
        <translation>First start: choose your role and the interface language. You can change both later in the Settings menu.</translation>
    </message>
    <message>
        <source>企业用户：填写企业信息，自评政策，准备申报材料(&amp;E)</source>
        <translation>&amp;Enterprise: fill in the profile, self-assess, prepare applications</translation>
    </message>
    <message>
        <source>主管部门：接收、核验、汇总企业申报包(&amp;O)</source>
        <translation>&amp;Official: receive, verify and summarise application bundles</translation>
    </message>
    <message>
        <source>进入后先显示“示例企业”，可以直接浏览自评结果；新建企业后填写自己的信息。</source>
        <translation>The sample enterprise is shown first so you can explore the results; create an enterprise to enter your own data.</translation>
    </message>
    <message>
        <source>身份</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>界面语言(&amp;L)</source>
        <translation>Interface &amp;language</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>规则包无法加载，不能自评。</source>
        <translation>The rule pack could not be loaded; self-assessment is unavailable.</translation>
    </message>
    <message>
        <source>企业信息</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <source>政策自评</source>
        <translation>Self-assessment</translation>
    </message>
    <message>
        <source>我的申报</source>
        <translation>My applications</translation>
    </message>
    <message>
        <source>材料清单</source>
        <translation>Materials</translation>
    </message>
    <message>
        <source>导出记录</source>
        <translation>Exports</translation>
    </message>
    <message>
        <source>收件台</source>
        <translation>Intake desk</translation>
    </message>
    <message>
        <source>您选择了“主管部门”身份，但收件台需要规则包和用户数据才能打开（见窗口下方的提示）；现在可以浏览政策自评，或在“设置”中改为企业用户。</source>
        <translation>You chose the Official role, but the intake desk needs the rule pack and the user data to open (see the note at the bottom of the window); for now you can browse the self-assessment, or switch to Enterprise under Settings.</translation>
    </message>
    <message>
        <source>打开申报向导</source>
        <translation>Open the application wizard</translation>
    </message>
    <message>
        <source>新建企业(&amp;N)</source>
        <translation>&amp;New enterprise</translation>
    </message>
    <message>
        <source>删除当前企业(&amp;D)…</source>
        <translation>&amp;Delete this enterprise…</translation>
    </message>
    <message>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <source>当前企业(&amp;P)：</source>
        <translation>Current enter&amp;prise:</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
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
        <source>设置(&amp;S)</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <source>界面语言(&amp;L)</source>
        <translation>Interface &amp;language</translation>
    </message>
    <message>
        <source>身份(&amp;R)</source>
        <translation>&amp;Role</translation>
    </message>
    <message>
        <source>企业用户</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <source>主管部门</source>
        <translation>Official</translation>
    </message>
    <message>
        <source>示例企业（只供浏览）</source>
        <translation>Sample enterprise (read-only)</translation>
    </message>
    <message>
        <source>（未命名企业 {n}）</source>
        <translation>(unnamed enterprise {n})</translation>
    </message>
    <message>
        <source>没有打开用户数据，不能新建企业。</source>
        <translation>No user data is open; an enterprise cannot be created.</translation>
    </message>
    <message>
        <source>删除企业</source>
        <translation>Delete enterprise</translation>
    </message>
    <message>
        <source>删除“{name}”？

将一并删除：本企业填写的全部企业信息，以及它的 {n} 份申报。删除后不能恢复（已导出的申报包文件不受影响）。</source>
        <translation>Delete “{name}”?

This also deletes everything filled in for this enterprise and its {n} application(s). It cannot be undone (exported bundles are not affected).</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>已删除“{name}”。</source>
        <translation>Deleted “{name}”.</translation>
    </message>
    <message>
        <source>本地区</source>
        <translation>your region</translation>
    </message>
    <message>
        <source>规则包</source>
        <translation>the rule pack</translation>
    </message>
    <message>
        <source>评估日期设为 {day}：今天{where}的 {local} 项政策都不在有效期内；这一天有 {n} 项有效（如{first}）。可以改为其他日期。</source>
        <translation>Assessment date set to {day}: none of the {local} programmes of {where} is in force today; on that day {n} are (e.g. {first}). You can choose another date.</translation>
    </message>
    <message>
        <source>“{fact}”属于具体的项目、贷款或申报，在申报向导中填写：点右下角“打开申报向导”。</source>
        <translation>“{fact}” belongs to a specific project, loan or application and is filled in in the application wizard: click “Open the application wizard” at the bottom right.</translation>
    </message>
    <message>
        <source>“{fact}”属于具体的项目、贷款或申报，在申报向导中填写；示例企业不能申报，请先新建企业（Ctrl+N）。</source>
        <translation>“{fact}” belongs to a specific project, loan or application and is filled in in the application wizard; the sample enterprise cannot apply, so create your own enterprise first (Ctrl+N).</translation>
    </message>
    <message>
        <source>“{fact}”属于具体的项目、贷款或申报，在申报向导中填写。</source>
        <translation>“{fact}” belongs to a specific project, loan or application and is filled in in the application wizard.</translation>
    </message>
</context>
<context>
    <name>MaterialsPage</name>
    <message>
        <source>材料清单</source>
        <translation>Materials</translation>
    </message>
    <message>
        <source>政策项目 / 所需材料</source>
        <translation>Programme / required material</translation>
    </message>
    <message>
        <source>按 {day} 的自评结果，可以申报 {n} 项政策，所需材料如下。</source>
        <translation>As assessed on {day}, you can apply for {n} programme(s); their materials are listed below.</translation>
    </message>
    <message>
        <source>按当前的自评结果，还没有可以申报的政策；补充企业信息后再来查看。</source>
        <translation>The current assessment has no programme you can apply for yet; complete the profile and look again.</translation>
    </message>
</context>
<context>
    <name>MyApplicationsPage</name>
    <message>
        <source>我的申报</source>
        <translation>My applications</translation>
    </message>
    <message>
        <source>在“政策自评”中点击“开始申报”，或在这里新建。双击一份申报继续填写。</source>
        <translation>Press “Start application” in the self-assessment, or create one here. Double-click an application to continue.</translation>
    </message>
    <message>
        <source>申报类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>最后修改</source>
        <translation>Last changed</translation>
    </message>
    <message>
        <source>规则包</source>
        <translation>Rule pack</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>复制</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>重命名</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>按当前规则包重新自评</source>
        <translation>Re-assess with the current rule pack</translation>
    </message>
    <message>
        <source>确认删除</source>
        <translation>Delete now</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>本草稿按规则包 {old} 自评；改用当前规则包 {new} 重新自评。</source>
        <translation>This draft is assessed with rule pack {old}; re-assess it with the current pack {new}.</translation>
    </message>
    <message>
        <source>{title}（副本）</source>
        <translation>{title} (copy)</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>技术改造项目</source>
        <translation>technical upgrade</translation>
    </message>
    <message>
        <source>流动资金贷款贴息</source>
        <translation>loan interest subsidy</translation>
    </message>
    <message>
        <source>研发机构奖励</source>
        <translation>R&amp;D institution award</translation>
    </message>
    <message>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>待导出</source>
        <translation>Ready to export</translation>
    </message>
    <message>
        <source>已导出</source>
        <translation>Exported</translation>
    </message>
</context>
<context>
    <name>ProfileEditor</name>
    <message>
        <source>基本信息</source>
        <translation>Basic information</translation>
    </message>
    <message>
        <source>规模（大中小微）</source>
        <translation>Size (large/medium/small/micro)</translation>
    </message>
    <message>
        <source>研发与认定</source>
        <translation>R&amp;&amp;D and recognitions</translation>
    </message>
    <message>
        <source>已有的研发机构</source>
        <translation>Existing R&amp;&amp;D institution</translation>
    </message>
    <message>
        <source>经营、税收与用工</source>
        <translation>Operations, tax and employment</translation>
    </message>
    <message>
        <source>上市与融资</source>
        <translation>Listing and financing</translation>
    </message>
    <message>
        <source>其他政策事项</source>
        <translation>Other policy matters</translation>
    </message>
    <message>
        <source>企业信息</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <source>企业规模</source>
        <translation>Size class</translation>
    </message>
    <message>
        <source>列表中没有“{text}”，请从列表中选择（未保存，原选择不变）</source>
        <translation>“{text}” is not in the list; please choose from the list (not saved, the previous choice is kept)</translation>
    </message>
    <message>
        <source>＝ {yuan} 元（{wan} 万元）</source>
        <translation>= {yuan} yuan ({wan} 万元)</translation>
    </message>
    <message>
        <source>＝ {year}年{month}月{day}日</source>
        <translation>= {year}-{month:02}-{day:02}</translation>
    </message>
    <message>
        <source>＝ {percent}%</source>
        <translation>= {percent}%</translation>
    </message>
    <message>
        <source>比例应在 0 到 1 之间：它是一部分占全部的份额（30% 写 0.3）</source>
        <translation>A ratio is between 0 and 1: a part of the whole (write 30% as 0.3)</translation>
    </message>
    <message>
        <source>先填写所在地区：之后只列出本地区政策用到的信息，其余的折叠起来。</source>
        <translation>Fill in the region first: then only what your region&apos;s programmes need is listed, the rest folded away.</translation>
    </message>
    <message>
        <source>下面先列出本地区政策用到的 {n} 项信息。</source>
        <translation>Listed first: the {n} items your region&apos;s programmes need.</translation>
    </message>
    <message>
        <source>收起其他地区政策用到的信息</source>
        <translation>Fold away what other regions&apos; programmes need</translation>
    </message>
    <message>
        <source>显示其余 {n} 项（其他地区的政策用到）</source>
        <translation>Show the other {n} items (needed by other regions&apos; programmes)</translation>
    </message>
    <message>
        <source>{message}（已按原样保存，可稍后改正）</source>
        <translation>{message} (saved as typed; you can correct it later)</translation>
    </message>
</context>
<context>
    <name>RulePackDialog</name>
    <message>
        <source>导入规则包</source>
        <translation>Import rule pack</translation>
    </message>
    <message>
        <source>选择规则包文件(&amp;O)…</source>
        <translation>&amp;Open rule pack file…</translation>
    </message>
    <message>
        <source>安装(&amp;I)</source>
        <translation>&amp;Install</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>当前规则包：{id} {version}（已安装的签名规则包，签名者 {signer}）</source>
        <translation>Rule pack in use: {id} {version} (installed signed pack, signed by {signer})</translation>
    </message>
    <message>
        <source>当前规则包：{id} {version}（程序内置）</source>
        <translation>Rule pack in use: {id} {version} (built in)</translation>
    </message>
    <message>
        <source>选择规则包</source>
        <translation>Choose a rule pack</translation>
    </message>
    <message>
        <source>规则包 (*.zip)</source>
        <translation>Rule packs (*.zip)</translation>
    </message>
    <message>
        <source>未导入：{reason}</source>
        <translation>Not imported: {reason}</translation>
    </message>
    <message>
        <source>规则包 {id} {version}，签名者 {signer}；{validity}。</source>
        <translation>Rule pack {id} {version}, signed by {signer}; {validity}.</translation>
    </message>
    <message>
        <source>变更说明（主管部门）：</source>
        <translation>Changelog (from the authority):</translation>
    </message>
    <message>
        <source>确认无误后点“安装”；安装前本机规则不变。</source>
        <translation>Click “Install” once you have checked it; nothing on this PC changes before that.</translation>
    </message>
    <message>
        <source>规则包自 {start} 起生效，有效期至 {end}</source>
        <translation>the pack applies from {start}, valid until {end}</translation>
    </message>
    <message>
        <source>规则包有效期 {start} 至 {end}</source>
        <translation>the pack is valid {start} to {end}</translation>
    </message>
    <message>
        <source>已安装规则包 {id} {version}（原为 {old}）；{validity}。</source>
        <translation>Installed rule pack {id} {version} (was {old}); {validity}.</translation>
    </message>
    <message>
        <source>此规则包自 {start} 起生效；已安装并用于自评，各项政策能否申报仍以各自政策的施行期为准。</source>
        <translation>This pack applies from {start}; it is installed and used for self-assessment now, and whether a programme can be applied for still depends on that policy&apos;s own in-force period.</translation>
    </message>
    <message>
        <source>长期</source>
        <translation>open-ended</translation>
    </message>
    <message>
        <source>所含政策的施行期 {start} 至 {end}，{in_force}/{total} 项政策当前有效。</source>
        <translation>The policies in it are in force {start} to {end}; {in_force}/{total} programmes are in force today.</translation>
    </message>
    <message>
        <source>下面是本次的变化；草稿仍按原规则包，重新自评后才采用新规则。</source>
        <translation>Below is what changed; drafts keep their pack until they are re-assessed.</translation>
    </message>
    <message>
        <source>导入规则包(&amp;I)…</source>
        <translation>&amp;Import rule pack…</translation>
    </message>
</context>
<context>
    <name>SaveIndicator</name>
    <message>
        <source>未能保存：{message}</source>
        <translation>Not saved: {message}</translation>
    </message>
    <message>
        <source>示例企业只供浏览；新建企业后即可填写并自动保存。</source>
        <translation>The sample enterprise is read-only; create an enterprise to fill in and autosave.</translation>
    </message>
    <message>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>已保存 {time}</source>
        <translation>Saved {time}</translation>
    </message>
    <message>
        <source>所有修改自动保存。</source>
        <translation>All changes are saved automatically.</translation>
    </message>
</context>
<context>
    <name>SourceViewer</name>
    <message>
        <source>政策原文：{title}</source>
        <translation>Original policy text: {title}</translation>
    </message>
    <message>
        <source>《{document}》的发文机关：{issuer}（原文正文中没有写出，无处可标）</source>
        <translation>Issuer of “{document}”: {issuer} (not named in the body of the text, so nothing is highlighted)</translation>
    </message>
    <message>
        <source>《{document}》{clause}：所引条款中未找到“{excerpt}”，请核对规则包。</source>
        <translation>“{document}”, {clause}: “{excerpt}” was not found in the cited clause; please check the rule pack.</translation>
    </message>
    <message>
        <source>《{document}》{clause}（已在原文中标出）</source>
        <translation>“{document}”, {clause} (highlighted in the original text)</translation>
    </message>
    <message>
        <source>《{document}》：原文中找不到条款“{clause}”，标出的是引文在全文中第一次出现的地方，不一定是规则所引之处。</source>
        <translation>“{document}”: the clause “{clause}” was not found in the original text; the highlight is the quotation&apos;s first occurrence in the whole text, which may not be the place the rule cites.</translation>
    </message>
</context>
<context>
    <name>Wizard</name>
    <message>
        <source>企业与联系人</source>
        <translation>Enterprise and contact</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>通信地址</source>
        <translation>Postal address</translation>
    </message>
    <message>
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <source>成文日期（文书落款）</source>
        <translation>Date of the papers</translation>
    </message>
    <message>
        <source>企业信息取自“企业信息”页，在那里修改后这里随之更新。</source>
        <translation>Enterprise facts come from the Enterprise page; change them there and they follow here.</translation>
    </message>
    <message>
        <source>报送单位</source>
        <translation>Recipient office</translation>
    </message>
    <message>
        <source>政策规定的报送路径（仅供参考，不印入文书）</source>
        <translation>Reporting route in the policy (for reference; not printed)</translation>
    </message>
    <message>
        <source>主送机关（请示抬头，受文单位全称）</source>
        <translation>Addressee (full name of the receiving office)</translation>
    </message>
    <message>
        <source>抄送机关（可留空，多个用顿号分隔）</source>
        <translation>Copy to (optional; separate several with 、)</translation>
    </message>
    <message>
        <source>报送路径取自政策原文，只作提示；主送、抄送请写机关的真实全称，不要写“主管部门”这类类别名。留空时文书在抬头处留出空白待手写。</source>
        <translation>The reporting route comes from the policy text and is only a hint; write the real full names of the offices, not a category such as “主管部门”. Left empty, the papers leave a blank to fill in by hand.</translation>
    </message>
    <message>
        <source>照下达文件写，如：××省中小企业发展专项资金</source>
        <translation>As the grant notice names it, e.g. ××省中小企业发展专项资金 (the fund in Chinese, as it prints)</translation>
    </message>
    <message>
        <source>下达文件引用的办法全称，如：××省中小企业发展专项资金管理办法</source>
        <translation>The full title of the rules the grant notice cites, e.g. ××省中小企业发展专项资金管理办法</translation>
    </message>
    <message>
        <source>下达资金（获得支持后填写）</source>
        <translation>Granted amount (fill in after support is granted)</translation>
    </message>
    <message>
        <source>未下达时留空，责任书金额留白待签订时填写</source>
        <translation>Leave empty until granted; the pledge then leaves the amount blank for signing</translation>
    </message>
    <message>
        <source>责任书签订日期（签订时填写）</source>
        <translation>Pledge signing date (fill in when signing)</translation>
    </message>
    <message>
        <source>如：西宁市城西区工业和信息化局</source>
        <translation>e.g. 西宁市城西区工业和信息化局</translation>
    </message>
    <message>
        <source>申报材料</source>
        <translation>Materials</translation>
    </message>
    <message>
        <source>检查并生成</source>
        <translation>Review and generate</translation>
    </message>
    <message>
        <source>目标责任书</source>
        <translation>Target pledge</translation>
    </message>
    <message>
        <source>资金名称</source>
        <translation>Fund name</translation>
    </message>
    <message>
        <source>资金管理办法名称（不含书名号）</source>
        <translation>Name of the fund management measures (without 《》)</translation>
    </message>
    <message>
        <source>主要经济技术指标</source>
        <translation>Main economic and technical indicators</translation>
    </message>
    <message>
        <source>建设（执行）周期</source>
        <translation>Construction (execution) period</translation>
    </message>
    <message>
        <source>如：2011年12月至2012年12月</source>
        <translation>e.g. 2011年12月至2012年12月</translation>
    </message>
    <message>
        <source>所有修改自动保存。</source>
        <translation>Every change is saved automatically.</translation>
    </message>
    <message>
        <source>上一步</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>为所选材料添加文件…</source>
        <translation>Attach a file to the selected item…</translation>
    </message>
    <message>
        <source>移除所选文件</source>
        <translation>Remove selected file</translation>
    </message>
    <message>
        <source>该文件对应：</source>
        <translation>This file is for:</translation>
    </message>
    <message>
        <source>已附文件（随申报包一起打包）：</source>
        <translation>Attached files (packed with the bundle):</translation>
    </message>
    <message>
        <source>第{n}笔：{loan}</source>
        <translation>Loan {n}: {loan}</translation>
    </message>
    <message>
        <source>已附 {n} 个文件</source>
        <translation>{n} file(s) attached</translation>
    </message>
    <message>
        <source>未附文件</source>
        <translation>no file</translation>
    </message>
    <message>
        <source>第{n}笔贷款</source>
        <translation>loan {n}</translation>
    </message>
    <message>
        <source>选择材料文件</source>
        <translation>Choose a file</translation>
    </message>
    <message>
        <source>选择文件夹…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <source>生成申报包</source>
        <translation>Generate bundle</translation>
    </message>
    <message>
        <source>打开所在文件夹</source>
        <translation>Open containing folder</translation>
    </message>
    <message>
        <source>保存到：</source>
        <translation>Save to:</translation>
    </message>
    <message>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>所有修改已自动保存。</source>
        <translation>All changes saved.</translation>
    </message>
    <message>
        <source>导入设备清单</source>
        <translation>Import equipment list</translation>
    </message>
    <message>
        <source>无法读取 {name}：{error}</source>
        <translation>Cannot read {name}: {error}</translation>
    </message>
    <message>
        <source>{message}（已按原样保存，可稍后改正）</source>
        <translation>{message} (saved as typed; you can correct it later)</translation>
    </message>
    <message>
        <source>自评：{status}；{amount}</source>
        <translation>Self-assessment: {status}; {amount}</translation>
    </message>
    <message>
        <source>测算金额 {amount} 元</source>
        <translation>estimated amount {amount} yuan</translation>
    </message>
    <message>
        <source>金额由主管部门确定或待测算</source>
        <translation>amount set by the authority or not yet estimable</translation>
    </message>
    <message>
        <source>企业：{name}&#x3000;统一社会信用代码：{uscc}&#x3000;从业人员：{employees}&#x3000;营业收入：{revenue} 元</source>
        <translation>Enterprise: {name}   Credit code: {uscc}   Employees: {employees}   Revenue: {revenue} yuan</translation>
    </message>
    <message>
        <source>✔ 自评的各项条件都已符合。</source>
        <translation>✔ Every condition of the self-assessment is met.</translation>
    </message>
    <message>
        <source>贴息比例是贴息占利息的比例，须小于 100%（如 50%），不是贷款年利率；此值未用于测算。</source>
        <translation>The subsidy share is the part of the interest that is subsidised and must be below 100% (e.g. 50%); it is not the loan&apos;s interest rate. This value was not used in the estimate.</translation>
    </message>
    <message>
        <source>未能确定（请在企业信息中补充）</source>
        <translation>not determined (complete the Enterprise page)</translation>
    </message>
    <message>
        <source>选择保存申报包的文件夹</source>
        <translation>Choose the folder for the bundle</translation>
    </message>
    <message>
        <source>还有必须改正的问题，见上方列表。</source>
        <translation>There are problems to correct first; see the list above.</translation>
    </message>
    <message>
        <source>文件夹不存在：{folder}</source>
        <translation>Folder does not exist: {folder}</translation>
    </message>
    <message>
        <source>已生成 {file}
SHA-256：{hash}</source>
        <translation>Generated {file}
SHA-256: {hash}</translation>
    </message>
    <message>
        <source>未生成申报包：
{problems}</source>
        <translation>No bundle generated:
{problems}</translation>
    </message>
    <message>
        <source>示例企业不能申报。请先新建企业（Ctrl+N）并填写企业信息。</source>
        <translation>The sample enterprise cannot apply. Create your enterprise (Ctrl+N) and fill in its facts first.</translation>
    </message>
    <message>
        <source>按当前自评，没有可以申报的{kind}政策。</source>
        <translation>By the current self-assessment there is no {kind} programme to apply for.</translation>
    </message>
    <message>
        <source>本草稿按开始时的规则包 {pack} 填写与自评；要改用新规则，请在“我的申报”中选“按当前规则包重新自评”。</source>
        <translation>This draft keeps the rule pack it was started with ({pack}); to use the new rules, choose “Re-assess with the current rule pack” under My applications.</translation>
    </message>
    <message>
        <source>元（可写 万/亿）</source>
        <translation>yuan (万/亿 allowed)</translation>
    </message>
    <message>
        <source>如 8000万、0.8亿、8,000,000</source>
        <translation>e.g. 8000万, 0.8亿, 8,000,000</translation>
    </message>
    <message>
        <source>如 6.56% 或 0.0656</source>
        <translation>e.g. 6.56% or 0.0656</translation>
    </message>
    <message>
        <source>如 2018-03-01 或 2018年3月1日</source>
        <translation>e.g. 2018-03-01 or 2018年3月1日</translation>
    </message>
    <message>
        <source>日历</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <source>从日历选择</source>
        <translation>Pick from a calendar</translation>
    </message>
    <message>
        <source>（未填写）</source>
        <translation>(not answered)</translation>
    </message>
    <message>
        <source>设备名称</source>
        <translation>Equipment</translation>
    </message>
    <message>
        <source>规格型号</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>单价（元，可写万）</source>
        <translation>Unit price (yuan, 万 allowed)</translation>
    </message>
    <message>
        <source>供应商</source>
        <translation>Supplier</translation>
    </message>
    <message>
        <source>贷款银行</source>
        <translation>Bank</translation>
    </message>
    <message>
        <source>合同编号</source>
        <translation>Contract no.</translation>
    </message>
    <message>
        <source>本金（元，可写万）</source>
        <translation>Principal (yuan, 万 allowed)</translation>
    </message>
    <message>
        <source>发放日</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>到期日</source>
        <translation>Maturity</translation>
    </message>
    <message>
        <source>年利率</source>
        <translation>Annual rate</translation>
    </message>
    <message>
        <source>已付利息（元，选填）</source>
        <translation>Interest paid (yuan, optional)</translation>
    </message>
    <message>
        <source>签订日期</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>是否符合及原因</source>
        <translation>Eligible? Why</translation>
    </message>
    <message>
        <source>添加一行</source>
        <translation>Add row</translation>
    </message>
    <message>
        <source>删除所选行</source>
        <translation>Remove selected row</translation>
    </message>
    <message>
        <source>复制所选行</source>
        <translation>Duplicate selected row</translation>
    </message>
    <message>
        <source>粘贴（从 Excel/WPS 复制的多行）</source>
        <translation>Paste (rows copied from Excel/WPS)</translation>
    </message>
    <message>
        <source>导入 .xlsx…</source>
        <translation>Import .xlsx…</translation>
    </message>
    <message>
        <source>贷款合同</source>
        <translation>Loan contracts</translation>
    </message>
    <message>
        <source>贷款用途及贴息资金使用说明</source>
        <translation>Use of the loans and of the subsidy</translation>
    </message>
    <message>
        <source>逐笔填写流动资金贷款合同；每一行即时显示是否符合条件及原因。金额可写 500万、5,000,000；利率可写 6.56% 或 0.0656。</source>
        <translation>Enter each working-capital loan; every row shows at once whether it qualifies and why. Amounts as 500万 or 5,000,000; rates as 6.56% or 0.0656.</translation>
    </message>
    <message>
        <source>贴息测算</source>
        <translation>Subsidy estimate</translation>
    </message>
    <message>
        <source>自估贴息比例（仅供参考）</source>
        <translation>Your own ratio assumption (estimate only)</translation>
    </message>
    <message>
        <source>贴息占利息的比例，如 50%（不是年利率）；只用于自估，不写入申报材料</source>
        <translation>Share of the interest subsidised, e.g. 50% (not the interest rate); for your own estimate only, not written into the papers</translation>
    </message>
    <message>
        <source>研发机构</source>
        <translation>R&amp;D institution</translation>
    </message>
    <message>
        <source>研发机构名称</source>
        <translation>Institution name</translation>
    </message>
    <message>
        <source>机构类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>认定级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>认定文件文号</source>
        <translation>Recognition document no.</translation>
    </message>
    <message>
        <source>认定（建成）日期</source>
        <translation>Recognised (built) on</translation>
    </message>
    <message>
        <source>认定单位（机关）</source>
        <translation>Recognising authority</translation>
    </message>
    <message>
        <source>认定文件的发文机关全称，如：国家发展和改革委员会</source>
        <translation>Full name of the issuing authority, e.g. 国家发展和改革委员会</translation>
    </message>
    <message>
        <source>研发人员与经费</source>
        <translation>R&amp;D staff and spend</translation>
    </message>
    <message>
        <source>研发人员数</source>
        <translation>R&amp;D staff</translation>
    </message>
    <message>
        <source>上年度研发经费支出</source>
        <translation>R&amp;D spend last year</translation>
    </message>
    <message>
        <source>研发机构建设与运行情况</source>
        <translation>Building and operation of the institution</translation>
    </message>
    <message>
        <source>贴息</source>
        <translation>Interest subsidy</translation>
    </message>
    <message>
        <source>补助</source>
        <translation>Grant</translation>
    </message>
    <message>
        <source>奖励</source>
        <translation>Award</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>项目名称</source>
        <translation>Project name</translation>
    </message>
    <message>
        <source>项目类别</source>
        <translation>Project kind</translation>
    </message>
    <message>
        <source>所属支持领域</source>
        <translation>Supported field</translation>
    </message>
    <message>
        <source>主要产品</source>
        <translation>Main product</translation>
    </message>
    <message>
        <source>项目进展</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>已取得核准或备案文件</source>
        <translation>Approval or filing obtained</translation>
    </message>
    <message>
        <source>符合国家产业政策</source>
        <translation>Conforms to national industrial policy</translation>
    </message>
    <message>
        <source>符合本省相关规划</source>
        <translation>Conforms to provincial plans</translation>
    </message>
    <message>
        <source>新增产能过剩行业产能</source>
        <translation>Adds overcapacity-sector capacity</translation>
    </message>
    <message>
        <source>建设地点</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>备案（核准）文号</source>
        <translation>Filing (approval) number</translation>
    </message>
    <message>
        <source>环评批复文号</source>
        <translation>Environmental approval number</translation>
    </message>
    <message>
        <source>用地批复文号</source>
        <translation>Land-use approval number</translation>
    </message>
    <message>
        <source>计划开工日期</source>
        <translation>Planned start</translation>
    </message>
    <message>
        <source>计划竣工日期</source>
        <translation>Planned completion</translation>
    </message>
    <message>
        <source>技术指标</source>
        <translation>Technical indicators</translation>
    </message>
    <message>
        <source>改造后单位产品电耗</source>
        <translation>Unit power use after the upgrade</translation>
    </message>
    <message>
        <source>改造后粉尘排放浓度</source>
        <translation>Dust concentration after the upgrade</translation>
    </message>
    <message>
        <source>烟气（烟尘）有组织排放</source>
        <translation>Flue gas (dust) fully captured</translation>
    </message>
    <message>
        <source>改造后的指标一边填写，一边与政策的目标值比对，结果见下方。</source>
        <translation>Indicators are checked against the policy targets as you type; results below.</translation>
    </message>
    <message>
        <source>申请报告书</source>
        <translation>Application report</translation>
    </message>
    <message>
        <source>投资与资金</source>
        <translation>Investment and financing</translation>
    </message>
    <message>
        <source>项目总投资</source>
        <translation>Total investment</translation>
    </message>
    <message>
        <source>其中：设备购置费</source>
        <translation>of which: equipment</translation>
    </message>
    <message>
        <source>其中：建筑安装工程费</source>
        <translation>of which: construction</translation>
    </message>
    <message>
        <source>其中：其他费用</source>
        <translation>of which: other</translation>
    </message>
    <message>
        <source>资金来源：企业自筹</source>
        <translation>Source: own funds</translation>
    </message>
    <message>
        <source>资金来源：银行贷款</source>
        <translation>Source: bank loans</translation>
    </message>
    <message>
        <source>资金来源：申请专项资金</source>
        <translation>Source: requested subsidy</translation>
    </message>
    <message>
        <source>申请支持方式</source>
        <translation>Form of support requested</translation>
    </message>
    <message>
        <source>是否同时申请贷款贴息</source>
        <translation>Also applying for a loan interest subsidy?</translation>
    </message>
    <message>
        <source>支持方式已选“贴息”的不必再选；选补助或奖励、又申请贷款贴息的选“是”</source>
        <translation>Not needed when the form of support is 贴息 (interest subsidy); choose Yes when asking for a grant or award and an interest subsidy too</translation>
    </message>
    <message>
        <source>申请资金</source>
        <translation>Requested support</translation>
    </message>
    <message>
        <source>新增生产能力</source>
        <translation>New production capacity</translation>
    </message>
    <message>
        <source>达产后新增销售收入（每年）</source>
        <translation>New annual sales at full production</translation>
    </message>
    <message>
        <source>达产后新增利税（每年）</source>
        <translation>New annual profit and tax at full production</translation>
    </message>
    <message>
        <source>设备购置清单</source>
        <translation>Equipment list</translation>
    </message>
    <message>
        <source>可从 Excel/WPS 复制多行后点“粘贴”，或“导入 .xlsx”；单价可写 12.5万、1,250,000。合计须等于设备购置费。</source>
        <translation>Copy rows in Excel/WPS and press Paste, or Import .xlsx; prices as 12.5万 or 1,250,000. The total must equal the equipment cost.</translation>
    </message>
    <message>
        <source>贷款合同（贴息）</source>
        <translation>Loan contracts (interest subsidy)</translation>
    </message>
    <message>
        <source>申请贴息的项目，逐笔填写固定资产投资贷款合同；每一行即时显示签订日期是否符合政策原文的要求。只申请补助或奖励的，本页不填。</source>
        <translation>For an interest subsidy, enter each fixed-asset investment loan contract; each row shows at once whether its signing date meets the policy text. Leave this page empty when asking for a grant or an award only.</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>数据库检查</source>
        <translation>Database check</translation>
    </message>
    <message>
        <source>无法打开用户数据</source>
        <translation>Cannot open user data</translation>
    </message>
    <message>
        <source>另一个惠企申报助手正在使用数据目录 {folder}。请切换到已打开的窗口，或将其关闭后再试。</source>
        <translation>Another copy of the app is already using the data folder {folder}. Switch to the open window, or close it and try again.</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <source>程序出错</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <source>程序遇到意外错误。已保存的内容不会丢失。
错误详情已写入日志文件（数据文件夹中的 logs/desktop.log），可提供给技术支持人员。日志只记录程序的操作步骤和出错位置：不含企业填写的内容，文件路径中的用户文件夹写作 ~。</source>
        <translation>The program hit an unexpected error. Everything already saved is kept.
The details are in the log file (logs/desktop.log in the data folder), which you may pass to technical support. The log records only the program&apos;s steps and where the error happened: none of the enterprise&apos;s answers, and your home folder is written as ~ in file paths.</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>可以申报</source>
        <translation>Eligible</translation>
    </message>
    <message>
        <source>不符合</source>
        <translation>Not eligible</translation>
    </message>
    <message>
        <source>待补充信息</source>
        <translation>Undetermined</translation>
    </message>
    <message>
        <source>已过期</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>尚未生效</source>
        <translation>Not yet in force</translation>
    </message>
    <message>
        <source>非本地区</source>
        <translation>Other region</translation>
    </message>
    <message>
        <source>符合</source>
        <translation>Met</translation>
    </message>
    <message>
        <source>待确认</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>技术改造</source>
        <translation>Technical upgrade</translation>
    </message>
    <message>
        <source>新兴产业</source>
        <translation>New industries</translation>
    </message>
    <message>
        <source>中小企业固定资产投资</source>
        <translation>SME fixed assets</translation>
    </message>
    <message>
        <source>贷款贴息</source>
        <translation>Loan interest subsidy</translation>
    </message>
    <message>
        <source>研发机构</source>
        <translation>R&amp;D institutions</translation>
    </message>
    <message>
        <source>奖励</source>
        <translation>Awards</translation>
    </message>
    <message>
        <source>融资支持</source>
        <translation>Financing</translation>
    </message>
    <message>
        <source>上市挂牌</source>
        <translation>Listing</translation>
    </message>
    <message>
        <source>社保与就业</source>
        <translation>Social insurance and jobs</translation>
    </message>
    <message>
        <source>税收优惠</source>
        <translation>Tax relief</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>status</name>
    <message>
        <source>长期</source>
        <translation>open-ended</translation>
    </message>
    <message>
        <source>规则包 {id} 版本 {version}</source>
        <translation>Rule pack {id} version {version}</translation>
    </message>
    <message>
        <source>（{pack_validity}）</source>
        <translation> ({pack_validity})</translation>
    </message>
    <message>
        <source>；所含政策的施行期 {start} 至 {end}，{in_force}/{total} 项政策当前有效</source>
        <translation>; its policies are in force {start} to {end}, {in_force}/{total} programmes in force today</translation>
    </message>
    <message>
        <source>。所含政策均已过期，请安装新政策的规则包（设置→导入规则包）。</source>
        <translation>. Every policy in it has expired; install a rule pack with the new policies (Settings → Import rule pack).</translation>
    </message>
    <message>
        <source>。所含政策均已过期，新政策的规则包请向主管部门索取。</source>
        <translation>. Every policy in it has expired; ask the authority for a rule pack with the new policies.</translation>
    </message>
    <message>
        <source>规则包自 {start} 起生效，有效期至 {end}</source>
        <translation>the pack applies from {start}, valid until {end}</translation>
    </message>
    <message>
        <source>规则包有效期 {start} 至 {end}</source>
        <translation>the pack is valid {start} to {end}</translation>
    </message>
    <message>
        <source>规则包无法加载：{reason}</source>
        <translation>Rule pack could not be loaded: {reason}</translation>
    </message>
    <message>
        <source>。规则包已过发布时注明的有效期（{end}），可能已有新版。</source>
        <translation>. The rule pack is past the validity it was published with ({end}); a newer one may exist.</translation>
    </message>
    <message>
        <source>。规则包已过发布时注明的有效期（{end}），可能已有新版，请向主管部门索取。</source>
        <translation>. The rule pack is past the validity it was published with ({end}); a newer one may exist, ask the authority.</translation>
    </message>
    <message>
        <source>。已安装的规则包无法使用（{reason}），现用内置规则包。</source>
        <translation>. The installed rule pack cannot be used ({reason}); using the built-in pack.</translation>
    </message>
</context>
</TS>
