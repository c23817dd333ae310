; Per-user installer of Jiwei Desk (基层纪检监察工作台) for Windows 10/11, from the one-folder
; build (pyinstaller packaging/jiwei.spec: dist\jiwei-desk\ with jiwei.exe, jiwei-cli.exe and
; _internal\). No administrator rights: the program goes to %LOCALAPPDATA%\Programs\JiweiDesk,
; the Start-menu shortcut and the uninstall entry are the user's own (HKCU).
;
;   makensis packaging\windows\jiwei.nsi
;       [/DVERSION=0.1.0] [/DBUILD_DIR=…] [/DOUT_FILE=…]
;
; gives dist\jiwei-desk-VERSION-windows-x64-setup.exe, VERSION read from app\__init__.py.
;
; makensis works in this script's folder: BUILD_DIR and OUT_FILE are absolute or relative to
; packaging/windows; the defaults are the checkout's dist/. Build-time paths use "/", which
; makensis takes on Windows and Linux alike. The data folder (%LOCALAPPDATA%\JiweiDesk: the
; database, keys, backups) is never written or removed by the installer or the uninstaller.
; Installing another version over this one replaces the program only. Silent: /S for both.

Unicode true
ManifestDPIAware true

!define ROOT "../.."  ; makensis reads the script in its own folder
!ifndef VERSION  ; the program's own: __version__ in app/__init__.py
  !searchparse /file "${ROOT}/app/__init__.py" `__version__ = "` VERSION `"`
!endif
!ifndef BUILD_DIR
  !define BUILD_DIR "${ROOT}/dist/jiwei-desk"
!endif
!ifndef OUT_FILE
  !define OUT_FILE "${ROOT}/dist/jiwei-desk-${VERSION}-windows-x64-setup.exe"
!endif
!define APP_ID "JiweiDesk"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"

; The build must be the one-folder layout the uninstaller removes file by file.
!if /FileExists "${BUILD_DIR}/jiwei.exe"
!else
  !error "${BUILD_DIR}\jiwei.exe is missing: build with pyinstaller packaging\jiwei.spec first"
!endif
!if /FileExists "${BUILD_DIR}/jiwei-cli.exe"
!else
  !error "${BUILD_DIR}\jiwei-cli.exe is missing"
!endif
!if /FileExists "${BUILD_DIR}/_internal/*.*"
!else
  !error "${BUILD_DIR}\_internal is missing"
!endif

!include "MUI2.nsh"

Name "$(AppName)"
OutFile "${OUT_FILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\JiweiDesk"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
SetCompressor /SOLID lzma
BrandingText "Jiwei Desk ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "Jiwei Desk"
VIAddVersionKey /LANG=0 "FileDescription" "Jiwei Desk ${VERSION} setup"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "Jiwei Desk"

!define MUI_ICON "${ROOT}/resources/icons/jiwei-desk.ico"
!define MUI_UNICON "${ROOT}/resources/icons/jiwei-desk.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\jiwei.exe"

!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

LangString AppName ${LANG_SIMPCHINESE} "基层纪检监察工作台"
LangString AppName ${LANG_ENGLISH} "Jiwei Desk"
LangString Running ${LANG_SIMPCHINESE} "基层纪检监察工作台正在运行，请先退出程序再继续。"
LangString Running ${LANG_ENGLISH} "Jiwei Desk is running: quit it, then continue."

; Remove the program's files, and only those: the folder itself goes only when it is empty (a
; person may have put something there), and the data folder is elsewhere.
!macro RemoveProgram
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\jiwei.exe"
  Delete "$INSTDIR\jiwei-cli.exe"
!macroend

Section "Jiwei Desk"
  SetShellVarContext current
  ; An earlier version's files go first, so nothing of it lingers in _internal. A running
  ; program holds jiwei.exe open: ask to quit it rather than leave a half-replaced folder.
  retry:
  ClearErrors
  IfFileExists "$INSTDIR\jiwei.exe" 0 +3
    Rename "$INSTDIR\jiwei.exe" "$INSTDIR\jiwei.exe.check"
    Rename "$INSTDIR\jiwei.exe.check" "$INSTDIR\jiwei.exe"
  IfErrors 0 +3
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(Running)" /SD IDCANCEL IDRETRY retry
    Abort
  !insertmacro RemoveProgram
  SetOutPath "$INSTDIR"
  File "${BUILD_DIR}/jiwei.exe"
  File "${BUILD_DIR}/jiwei-cli.exe"
  File /r "${BUILD_DIR}/_internal"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\$(AppName).lnk" "$INSTDIR\jiwei.exe" "" "$INSTDIR\jiwei.exe" 0

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "$(AppName)"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "Jiwei Desk"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\jiwei.exe,0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  SectionGetSize 0 $0
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\$(AppName).lnk"
  !insertmacro RemoveProgram
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd
