; Liftrun's Windows installer (NSIS 3, Modern UI 2): a per-user install, no administrator.
;
;   makensis -DVERSION=0.1.0 -DSOURCE_DIR=dist\Liftrun -DOUTFILE=Liftrun-0.1.0-windows-setup.exe installer\liftrun.nsi
;
; VERSION is desktop.__version__ (the workflow reads it from there); SOURCE_DIR is the
; PyInstaller folder (Liftrun.exe and _internal\); relative paths are relative to this file.
;
; - Installs into %LOCALAPPDATA%\Programs\Liftrun (or where an earlier version went).
; - A Start-menu shortcut, and a desktop shortcut if ticked on the components page.
; - Registers under HKCU "Apps & features" with name, version, publisher, icon and size.
; - Installing over an older version upgrades in place: the old program files are replaced.
; - The uninstaller removes the program files only. The user's data (database and backups
;   in %LOCALAPPDATA%\Liftrun, settings in HKCU\Software\Liftrun) is never touched, and
;   its last page says where that data is.

Unicode true
ManifestDPIAware true

!ifndef VERSION
  !error "Pass the version: makensis -DVERSION=X.Y.Z installer\liftrun.nsi (desktop.__version__)"
!endif
!searchparse /noerrors "${VERSION}" "" VERSION_MAJOR "." VERSION_MINOR "." VERSION_PATCH
!ifndef VERSION_PATCH
  !error "VERSION must look like X.Y.Z (got ${VERSION})"
!endif
!ifndef SOURCE_DIR
  !define SOURCE_DIR "..\dist\Liftrun"
!endif
!ifndef RESOURCES_DIR
  !define RESOURCES_DIR "..\resources"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\dist\Liftrun-${VERSION}-windows-setup.exe"
!endif
; lzma makes the smallest download; a quick script check may pass -DCOMPRESSOR=zlib.
!ifndef COMPRESSOR
  !define COMPRESSOR "lzma"
!endif

!define APP_NAME "Liftrun"
!define APP_EXE "Liftrun.exe"
!define PUBLISHER "Liftrun developers"
!define UNINSTALLER "Uninstall.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Liftrun"
; Where the app keeps the user's data (platformdirs' user_data_dir and QSettings on Windows).
!define DATA_DIR "$LOCALAPPDATA\Liftrun"
!define SETTINGS_KEY "HKEY_CURRENT_USER\Software\Liftrun"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"
!include "WordFunc.nsh"

Name "${APP_NAME} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_NAME}"
; An upgrade goes where the installed version is, even if the user chose another folder.
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
RequestExecutionLevel user
SetCompressor /SOLID ${COMPRESSOR}
BrandingText "${APP_NAME} ${VERSION}"

VIProductVersion "${VERSION_MAJOR}.${VERSION_MINOR}.${VERSION_PATCH}.0"
VIAddVersionKey "ProductName" "${APP_NAME}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "CompanyName" "${PUBLISHER}"
VIAddVersionKey "FileDescription" "${APP_NAME} ${VERSION} setup"
VIAddVersionKey "LegalCopyright" "MIT License"

Var PreviousVersion

; --- pages ---------------------------------------------------------------------------------

!define MUI_ICON "${RESOURCES_DIR}\icon.ico"
!define MUI_UNICON "${RESOURCES_DIR}\icon.ico"
!define MUI_ABORTWARNING

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "Open ${APP_NAME} now"
!define MUI_FINISHPAGE_TEXT "${APP_NAME} ${VERSION} is installed. Open it from the Start menu.$\r$\n$\r$\nYour training data stays in ${DATA_DIR} (the database liftrun.db and its backups folder); uninstalling or upgrading ${APP_NAME} never removes it."
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!define MUI_FINISHPAGE_TITLE "${APP_NAME} was removed"
!define MUI_FINISHPAGE_TEXT "Your data was kept:$\r$\n$\r$\n- database and backups: ${DATA_DIR} (liftrun.db, backups folder)$\r$\n- logs: ${DATA_DIR}\Logs$\r$\n- settings: ${SETTINGS_KEY} in the registry$\r$\n$\r$\nInstalling ${APP_NAME} again picks them up. To delete them too, delete that folder and registry key yourself."
!insertmacro MUI_UNPAGE_FINISH

!insertmacro MUI_LANGUAGE "English"

; --- helpers -------------------------------------------------------------------------------

; A running Liftrun.exe cannot be replaced or deleted: ask the user to close it first.
!macro ENSURE_CLOSED UN
  Function ${UN}EnsureLiftrunClosed
    retry:
    ${If} ${FileExists} "$INSTDIR\${APP_EXE}"
      ClearErrors
      FileOpen $0 "$INSTDIR\${APP_EXE}" a
      ${If} ${Errors}
        MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "${APP_NAME} is running. Close it, then click Retry." /SD IDCANCEL IDRETRY retry
        Abort "${APP_NAME} is still running."
      ${EndIf}
      FileClose $0
    ${EndIf}
  FunctionEnd
!macroend
!insertmacro ENSURE_CLOSED ""
!insertmacro ENSURE_CLOSED "un."

; --- sections ------------------------------------------------------------------------------

Section "${APP_NAME}" SecApp
  SectionIn RO
  Call EnsureLiftrunClosed
  SetOutPath "$INSTDIR"
  ; Upgrade in place: drop the previous version's program files (only ours, by name) so no
  ; stale library outlives it; the user's data lives elsewhere (DATA_DIR).
  RMDir /r "$INSTDIR\_internal"
  File /r "${SOURCE_DIR}\*"
  WriteUninstaller "$INSTDIR\${UNINSTALLER}"
  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\${UNINSTALLER}"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALLER}" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "VersionMajor" ${VERSION_MAJOR}
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "VersionMinor" ${VERSION_MINOR}
  ; "Apps & features" shows EstimatedSize, in KB.
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Section /o "Desktop shortcut" SecDesktop
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
SectionEnd

Section "-Drop an unticked desktop shortcut"
  ${IfNot} ${SectionIsSelected} ${SecDesktop}
    Delete "$DESKTOP\${APP_NAME}.lnk"
  ${EndIf}
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecApp} "The ${APP_NAME} program and its Start-menu shortcut."
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} "A shortcut to ${APP_NAME} on your desktop."
!insertmacro MUI_FUNCTION_DESCRIPTION_END

; .onInit comes after the sections: it needs their index defines (SecDesktop).
Function .onInit
  SetShellVarContext current
  ReadRegStr $PreviousVersion HKCU "${UNINSTALL_KEY}" "DisplayVersion"
  ${If} $PreviousVersion != ""
    ; 2: the installed version is newer than this installer's.
    ${VersionCompare} "${VERSION}" "$PreviousVersion" $0
    ${If} $0 == 2
      MessageBox MB_YESNO|MB_ICONQUESTION "${APP_NAME} $PreviousVersion, a newer version, is installed. Replace it with ${VERSION}? Your data is kept either way." /SD IDNO IDYES +2
      Abort
    ${EndIf}
  ${EndIf}
  ; Keep the desktop shortcut an earlier install made.
  ${If} ${FileExists} "$DESKTOP\${APP_NAME}.lnk"
    SectionSetFlags ${SecDesktop} ${SF_SELECTED}
  ${EndIf}
FunctionEnd

Function un.onInit
  SetShellVarContext current
FunctionEnd

Section "Uninstall"
  Call un.EnsureLiftrunClosed
  ; Program files only, by name; RMDir without /r keeps the folder if anything else is in it.
  Delete "$INSTDIR\${APP_EXE}"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${UNINSTALLER}"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd
