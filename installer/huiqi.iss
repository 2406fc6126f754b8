; Inno Setup 6 script for 惠企申报助手: wraps the PyInstaller folder dist\huiqi-shenbao\ into
; one setup .exe.  Build on Windows (see installer\README.md):
;
;   python installer\build.py --installer
;
; which runs:  ISCC /DAppVersion=<desktop.__version__> /DSourceDir=dist\huiqi-shenbao
;                   /Odist\installer installer\huiqi.iss
;
; Per-user install (no administrator prompt), Simplified Chinese wizard, Start-menu shortcuts
; and an optional desktop shortcut; the uninstaller keeps the user's data unless asked.

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=0.1.0 ... (installer\build.py does)
#endif
#ifndef SourceDir
  #define SourceDir "..\dist\huiqi-shenbao"
#endif

#define AppName "惠企申报助手"
#define AppId "huiqi-shenbao"
#define GuiExe "huiqi-shenbao.exe"
#define CliExe "huiqi-shenbao-cli.exe"

; The Simplified Chinese messages ship with Inno Setup 6 (in Languages\, or in
; Languages\Unofficial\ in older 6.x releases).
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
  #define ChineseMessages "compiler:Languages\ChineseSimplified.isl"
#elif FileExists(AddBackslash(CompilerPath) + "Languages\Unofficial\ChineseSimplified.isl")
  #define ChineseMessages "compiler:Languages\Unofficial\ChineseSimplified.isl"
#else
  #error ChineseSimplified.isl not found in the Inno Setup folder; see installer\README.md
#endif

[Setup]
; A fixed AppId: upgrades replace the same installation.  Never change it.
AppId={{6F1C2E4B-8F0B-4C59-9E57-2B7B1D0C6A31}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
; Per user: no UAC prompt; {autopf} then means %LOCALAPPDATA%\Programs.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputBaseFilename=huiqi-shenbao-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\{#GuiExe}
UninstallDisplayName={#AppName} {#AppVersion}
; The app keeps one running copy per data folder; ask the user to close it before replacing files.
CloseApplications=yes

[Languages]
Name: "chinesesimplified"; MessagesFile: "{#ChineseMessages}"

[CustomMessages]
chinesesimplified.DesktopIconTask=在桌面创建快捷方式
chinesesimplified.CliShortcut={#AppName}（命令行）
chinesesimplified.KeepDataQuestion=是否同时删除本机保存的企业资料、申报记录和备份？%n%n位置：%1%n%n选择“否”（推荐）将保留这些数据，重新安装后可以继续使用。
chinesesimplified.LaunchNow=立即运行 {#AppName}

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIconTask}"; Flags: unchecked

[Files]
; The whole PyInstaller folder: both executables and _internal\ (resources, Qt, Python).
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#GuiExe}"
Name: "{group}\{cm:CliShortcut}"; Filename: "{cmd}"; Parameters: "/k ""{app}\{#CliExe}"" --help"; WorkingDir: "{userdocs}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#GuiExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchNow}"; Flags: nowait postinstall skipifsilent

[Code]
{ The user's data lives outside {app}, where desktop.paths.data_dir puts it on Windows
  (platformdirs: %LOCALAPPDATA%\huiqi-shenbao).  Uninstalling removes the program only; the data
  goes too only when the user says so.  A silent uninstall never deletes it. }
function UserDataDir(): String;
begin
  Result := ExpandConstant('{localappdata}\{#AppId}');
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Data: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    Data := UserDataDir();
    if DirExists(Data) and not UninstallSilent() then
      if MsgBox(FmtMessage(CustomMessage('KeepDataQuestion'), [Data]),
                mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
        DelTree(Data, True, True, True);
  end;
end;
