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
        <source>日期，如 2018-06-01</source>
        <translation>Date, e.g. 2018-06-01</translation>
    </message>
    <message>
        <source>金额（元），如 1200000</source>
        <translation>Amount in yuan, e.g. 1200000</translation>
    </message>
    <message>
        <source>比例，如 0.3 表示 30%</source>
        <translation>Ratio, e.g. 0.3 for 30%</translation>
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
        <source>输入代码或名称搜索</source>
        <translation>Type a code or part of a name</translation>
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
        <source>您选择了“主管部门”身份。收件台（核验、审阅、汇总申报包）将在后续版本提供；现在可以浏览政策自评，或在“设置”中改为企业用户。</source>
        <translation>You chose the Official role. The intake desk (verify, review and summarise bundles) comes in a later version; for now you can browse the self-assessment, or switch to Enterprise under Settings.</translation>
    </message>
    <message>
        <source>新建企业(&amp;N)</source>
        <translation>&amp;New enterprise</translation>
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
        <source>这项信息属于具体的项目、贷款或申报，在申报向导中填写：{fact}</source>
        <translation>This belongs to a specific project, loan or application and is filled in in the application wizard: {fact}</translation>
    </message>
    <message>
        <source>示例企业不能申报。请先新建企业（Ctrl+N）并填写企业信息。</source>
        <translation>The sample enterprise cannot apply. Create an enterprise first (Ctrl+N) and fill in its profile.</translation>
    </message>
    <message>
        <source>已建立{kind}申报：{title}</source>
        <translation>Created a {kind} application: {title}</translation>
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
        <translation>R&amp;D and recognitions</translation>
    </message>
    <message>
        <source>已有的研发机构</source>
        <translation>Existing R&amp;D institution</translation>
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
        <source>所有修改自动保存。</source>
        <translation>Every change is saved automatically.</translation>
    </message>
    <message>
        <source>示例企业只供浏览；新建企业后即可填写并自动保存。</source>
        <translation>The sample enterprise is read-only; create an enterprise to enter and save your own data.</translation>
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
    <name>SourceViewer</name>
    <message>
        <source>政策原文：{title}</source>
        <translation>Original policy text: {title}</translation>
    </message>
    <message>
        <source>{clause}：原文中未找到这段引文，请核对规则包。</source>
        <translation>{clause}: this quotation was not found in the original text; please check the rule pack.</translation>
    </message>
    <message>
        <source>{clause}（已在原文中标出）</source>
        <translation>{clause} (highlighted in the original text)</translation>
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
</context>
<context>
    <name>crash</name>
    <message>
        <source>程序出错</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <source>程序遇到意外错误。已保存的内容不会丢失。
错误详情已写入日志文件，请将日志提供给技术支持人员。</source>
        <translation>The program hit an unexpected error. Everything already saved is kept.
The details are in the log file; please pass it to technical support.</translation>
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
        <source>。规则包已过发布时注明的有效期（{end}），可能已有新版，请向主管部门索取。</source>
        <translation>. The rule pack is past the validity it was published with ({end}); a newer one may exist, ask the authority.</translation>
    </message>
    <message>
        <source>。已安装的规则包无法使用（{reason}），现用内置规则包。</source>
        <translation>. The installed rule pack cannot be used ({reason}); using the built-in pack.</translation>
    </message>
</context>
</TS>
