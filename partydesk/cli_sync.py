"""The ``partydesk sync`` sub-commands: keycard, register, export, import, status, mend-clock, rotate-key,
revoke (SYNC.md).

``register`` needs the fingerprint check made explicit: ``--fingerprint FP`` (as read out by the other
side) or ``--yes`` (a person compared it). ``import`` exits 0 when the package applied or was already
imported, 1 when it was rejected; ``--json`` gives ``status``, ``reason`` and the counts. Given a folder it
checks and imports every package in it (``status`` folder, one entry per file under ``packages``; our own
and other offices' files are ``skipped``) and exits 1 when any package addressed to us was refused.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from partydesk import cli

if TYPE_CHECKING:
    from partydesk.core.services.sync_import import ImportReport


def cmd_keycard(args: argparse.Namespace) -> dict[str, Any]:
    """Write this site's key card."""
    from partydesk.core.services.sync_keys import write_card

    with cli.opened(args) as db:
        card, path = write_card(db, Path(args.out), replace_any=False)
    return {"message": f"已写出密钥卡：{path}\n指纹：{card.fingerprint}\n请把密钥卡交给对方，并通过电话核对指纹。",
            "path": str(path), "org_code": card.org_code, "site_id": card.site_id, "key_id": card.key_id,
            "fingerprint": card.fingerprint}


def cmd_register(args: argparse.Namespace) -> dict[str, Any]:
    """Register the other side's key card (warning when another computer with its code is registered)."""
    from partydesk.core.changes import LOCAL_USER
    from partydesk.core.services.sync_keys import examine_card, keys_replaced, register_card, same_code_elsewhere

    data = Path(args.file).read_bytes()
    with cli.opened(args) as db:
        card = examine_card(db, data)
        elsewhere = same_code_elsewhere(db, card)
        warning = "" if elsewhere is None else (
            f"已登记过组织代码为 {card.org_code} 的另一台电脑（{elsewhere}）。如果对方是重新安装了本程序，"
            "请让对方改为在那台电脑上从备份恢复（文件 → 从备份恢复…）：新安装的程序会把记录作为另一套数据报来，"
            "本机名册上每个人都会出现两次。")
        retiring = keys_replaced(db, card)
        if args.fingerprint is None and not args.yes:
            raise cli.CliError(f"请先与“{card.org_name}”核对指纹：{card.fingerprint}\n"
                               + (f"注意：{warning}\n" if warning else "")
                               + (f"注意：{_retiring(card.org_name, retiring)}\n" if retiring else "")
                               + "核对无误后，加 --fingerprint \"指纹\" 或 --yes 再运行一次。", code="unconfirmed")
        done = register_card(db, LOCAL_USER, data, fingerprint=args.fingerprint, confirmed=args.yes)
    card = done.card
    what = "下级党组织" if done.relation == "child" else "上级党委"
    verb = "已登记" if done.new else "早已登记过"
    message = f"{verb}{what}“{card.org_name}”（组织代码 {card.org_code}），指纹 {card.fingerprint}。"
    if done.retired:
        message += f"\n对方原来的密钥（指纹 {'、'.join(done.retired)}）已停用：此后用它签名的数据包一律拒收。"
    return {"message": message + (f"\n注意：{warning}" if warning else ""), "warning": warning,
            "org_code": card.org_code, "site_id": card.site_id, "relation": done.relation, "new": done.new,
            "retired": done.retired}


def _retiring(name: str, fingerprints: list[str]) -> str:
    """What registering a new card of an office already registered does to its old key, said beforehand."""
    return (f"“{name}”已经用另一个密钥登记过（指纹 {'、'.join(fingerprints)}）。这张密钥卡是对方的新密钥："
            "登记后旧密钥停用，对方用旧密钥写出、尚未导入的数据包将被拒收，需请对方重新导出。")


def _out_folder(args: argparse.Namespace) -> Path:
    """The ``--out`` folder, which must be there: a mistyped path or a stick not plugged in writes nothing
    (the folders are not made on the hard disk, as if the package were on the stick)."""
    out = Path(args.out)
    if not out.is_dir():
        raise cli.CliError(f"找不到文件夹 {out}：U盘是否已插好？请给出已有的文件夹。没有写出任何文件。",
                           code="no_folder")
    return out


def export_all(args: argparse.Namespace) -> dict[str, Any]:
    """``--to all``: the next package for every registered branch (services.sync_export_all)."""
    from partydesk.core.changes import LOCAL_USER
    from partydesk.core.progress import Progress
    from partydesk.core.services.sync_export_all import export_all as write_all

    out = _out_folder(args)
    with cli.opened(args) as db:
        done = write_all(db, LOCAL_USER, out_dir=out, snapshot=args.snapshot, progress=Progress())
    lines = [f"已写出并校验 {len(done.written)} 个数据包：" if done.written else "没有写出数据包："]
    lines += [f"{name}：{p.path.name}，第 {p.channel_seq} 号，共 {sum(p.counts.values())} 条记录，回执 {p.acks} 份"
              for name, p in done.written]
    lines += [f"{name}：未写出。{why}" for name, why in done.passed_over]
    lines.append(done.failed or ("现在可以安全拔出U盘。" if done.written else "没有写出任何数据包。"))
    return {"message": "\n".join(lines), "written": [
                {"org_name": name, "path": str(p.path), "package_id": p.package_id, "kind": p.kind,
                 "channel_seq": p.channel_seq, "counts": p.counts, "acks": p.acks} for name, p in done.written],
            "passed_over": [{"org_name": name, "reason": why} for name, why in done.passed_over],
            "exit_code": 1 if done.failed else 0}


def cmd_export(args: argparse.Namespace) -> dict[str, Any]:
    """Write the next package for a registered site (``--to all``: for every registered branch)."""
    from partydesk.core.changes import LOCAL_USER
    from partydesk.core.services.sync_export import export_package
    from partydesk.core.services.sync_words import contents_in_words

    if args.to.lower() == "all":
        return export_all(args)
    out = _out_folder(args)
    with cli.opened(args) as db:
        done = export_package(db, LOCAL_USER, to_org_code=args.to, out_dir=out, snapshot=args.snapshot)
    carried = contents_in_words(done.counts, corrections=done.kind == "downward")
    if carried:
        said = carried + (f"，确认收到对方 {done.acks} 个数据包" if done.acks else "")
    else:  # nothing but confirmations: a receipt, called so
        said = f"回执，确认收到对方 {done.acks} 个数据包" if done.acks else "没有记录"
    return {"message": f"已写出并校验数据包：{done.path}\n内容：{said}。现在可以安全拔出U盘。",
            "path": str(done.path), "package_id": done.package_id, "kind": done.kind,
            "channel_seq": done.channel_seq, "counts": done.counts, "acks": done.acks}


def _folder_line(name: str, report: Any, *, ready: str, skipped: bool) -> str:
    c = report.counts
    if report.status in ("dry_run", "applied"):
        text = (f"{ready}：新增 {c['new']}，更新 {c['updated']}，未变 {c['unchanged']}，冲突 {c['conflict']}，"
                f"拒收 {c['rejected']}") if report.carries or any(c.values()) else f"{ready}：回执，不含记录"
        acks = f"；对方确认已收到本单位的 {report.acknowledged} 个数据包" if report.acknowledged else ""
        return f"{name}  {text}{acks}" + (f"（{report.gap}）" if report.gap else "")
    if report.status == "already_imported":
        return f"{name}  已导入过，跳过"
    return f"{name}  {'跳过' if skipped else '拒收'}：{report.message}"


def import_folder(args: argparse.Namespace) -> dict[str, Any]:
    """Every package in a folder (services.sync_folder): checked, then imported one by one unless --dry-run."""
    from partydesk.core.changes import LOCAL_USER
    from partydesk.core.progress import Progress
    from partydesk.core.services.sync_folder import check_folder, import_checked

    with cli.opened(args) as db:
        entries = check_folder(db, LOCAL_USER, Path(args.file), Progress())
        if not args.dry_run:
            import_checked(db, LOCAL_USER, entries, Progress())
    if not entries:
        return {"message": f"文件夹 {args.file} 中没有数据包（.pdsync）。", "status": "folder", "packages": [],
                "exit_code": 1}
    rows, lines = [], []
    for entry in entries:
        report = entry.imported or entry.report
        skipped = report.status == "rejected" and not entry.to_import  # ours, or for another office: left alone
        rows.append({"file": entry.path.name, **report.to_json(), **({"status": "skipped"} if skipped else {})})
        lines.append(_folder_line(entry.path.name, report, ready="可以导入" if args.dry_run else "已导入",
                                  skipped=skipped))
    applied = sum(1 for e in entries if e.imported is not None and e.imported.status == "applied")
    refused = sum(1 for r in rows if r["status"] == "rejected")
    head = (f"试导入（未写入任何数据）：{len(entries)} 个数据包，{sum(1 for e in entries if e.ready)} 个可以导入。"
            if args.dry_run else f"已导入 {applied} 个数据包。")
    return {"message": "\n".join([head, *lines]), "status": "folder", "applied": applied, "packages": rows,
            "exit_code": 1 if refused else 0}


def cmd_import(args: argparse.Namespace) -> dict[str, Any]:
    """Import (or, with --dry-run, only classify) a package, or every package in a folder."""
    from partydesk.core.changes import LOCAL_USER
    from partydesk.core.services.sync_import import import_package

    if Path(args.file).is_dir():
        return import_folder(args)
    with cli.opened(args) as db:
        report = import_package(db, LOCAL_USER, Path(args.file), dry_run=args.dry_run)
    return import_payload(report)


def import_payload(report: ImportReport) -> dict[str, Any]:
    """What ``sync import`` prints of one package's import: the JSON, its message in words."""
    from partydesk.core.services.sync_words import (
        added_in_words,
        changed_in_words,
        contents_in_words,
        removed_in_words,
    )

    payload = report.to_json()
    c = report.counts
    summary = (f"新增 {c['new']}，更新 {c['updated']}，未变 {c['unchanged']}，冲突 {c['conflict']}，"
               f"拒收 {c['rejected']}")
    if report.status == "rejected":
        payload["message"] = f"未导入：{report.message}"
        payload["exit_code"] = 1
    elif report.status == "already_imported":
        payload["message"] = report.message
    else:
        head = "试导入（未写入任何数据）" if report.status == "dry_run" else "已导入"
        receipt = not report.carries and not any(c.values())  # a receipt: no figures of records, all nought
        lines = [f"{head}：回执，不含记录。" if receipt else f"{head}：{summary}。"]
        carried = contents_in_words(report.carries)
        if carried:
            lines.append(f"数据包内容：{carried}。")
        if report.acknowledged or (receipt and report.confirms):
            lines.append(f"对方确认已收到本单位的 {report.acknowledged or report.confirms} 个数据包。")
        if report.gap:
            lines.append(f"提醒：{report.gap}")
        lines += report.keys
        if report.corrections:
            lines.append("上级党委更正了本单位的记录：" + "；".join(report.corrections))
        if report.added_count:
            lines.append(f"对方新增了党员：{added_in_words(report.added, report.added_count)}。")
        if report.removed:
            lines.append(f"对方删除了党员：{removed_in_words(report.removed)}。")
        if report.changed_count:
            lines.append(f"对方修改了党员的档案：{changed_in_words(report.changed, report.changed_count)}。")
        if report.declined_count:
            more = report.declined_count - len(report.declined)
            said = "；".join([*report.declined, *([f"另有 {more} 条其他记录"] if more > 0 else [])])
            lines.append(f"本单位更正过的记录，对方发来的版本与更正有出入（保留了自己的版本，或采纳后又作了修改），"
                         f"按对方的版本更新：{said}。")
        if c["conflict"]:
            lines.append("有冲突的记录保留了本地版本，请在“数据交换”页的冲突列表中逐条决定"
                         "（或用 partydesk sync conflicts 查看、sync resolve 决定）。")
        words = report.rejected_words
        lines += [_refused(t, i, r, words[n] if n < len(words) else "") for n, (t, i, r) in
                  enumerate(report.rejected[:50])]
        payload["message"] = "\n".join(lines)
    return payload


def _refused(record_type: str, record_id: str, reason: str, said: str) -> str:
    """One refused record for the message: a member by name (拒收党员档案 王芳), a meeting or talk as its words
    already say it (拒收会议“重温入党誓词”（2026-03-01）), any other by its kind and the start of its id."""
    from partydesk.core.services.sync_refusals import kind_words

    if said and record_type != "member":
        return f"拒收{said}：{reason}"
    return f"拒收{kind_words(record_type)} {said or record_id[:8]}：{reason}"


def cmd_status(args: argparse.Namespace) -> dict[str, Any]:
    """Registered sites, the last packages each way, open conflicts."""
    from partydesk.core.services.sync_status import exchange_status

    with cli.opened(args) as db:
        status = exchange_status(db)
    return {"message": status.text(), **status.to_json()}


def cmd_mend_clock(args: argparse.Namespace) -> dict[str, Any]:
    """Re-date this office's records a clock set in the future left dated there (after the date is checked)."""
    from partydesk.core.changes import LOCAL_USER
    from partydesk.core.services.sync_clock import clock_trouble, restamp_future

    with cli.opened(args) as db:
        trouble = clock_trouble(db)
        if trouble is None:
            return {"message": "电脑时钟没有问题：没有修改时间在将来的记录。", "mended": 0}
        if trouble.reads_too_early or not args.yes:
            then = ("" if trouble.reads_too_early else
                    f"现在电脑显示的时间是 {datetime.now():%Y-%m-%d %H:%M}：核对无误后，加 --yes 再运行一次，"
                    "这些记录的修改时间会改为现在，下次导出数据包时会重新发给对方单位。")
            return {"message": trouble.message() + then, "mended": 0, "exit_code": 1}
        mended = restamp_future(db, LOCAL_USER).count
    return {"message": f"已校正 {mended} 条记录的修改时间；下次导出数据包时会重新发给对方单位。", "mended": mended}


def cmd_rotate_key(args: argparse.Namespace) -> dict[str, Any]:
    """Make a new key pair (sent to every registered office in the next packages)."""
    from partydesk.core.changes import LOCAL_USER
    from partydesk.core.services.sync_rotate import rotate_keys

    with cli.opened(args) as db:
        state = rotate_keys(db, LOCAL_USER, now=args.now)
    message = state.text()
    if args.now:
        message += "\n新密钥已立即启用：请写出新的密钥卡（sync keycard），交对方登记并核对指纹。"
    return {"message": message, "fingerprint": state.fingerprint, "next_fingerprint": state.next_fingerprint,
            "waiting": state.waiting}


def cmd_revoke(args: argparse.Namespace) -> dict[str, Any]:
    """Revoke a registered office's keys (its computer was stolen, say)."""
    from partydesk.core.changes import LOCAL_USER
    from partydesk.core.services.sync_rotate import revoke_peer

    with cli.opened(args) as db:
        done = revoke_peer(db, LOCAL_USER, args.org_code, reason=args.reason or "")
    return {"message": f"已吊销“{done.org_name}”的密钥（指纹 {'、'.join(done.fingerprints)}）。"
                       "此后它用这些密钥签名的数据包一律拒收；请对方更换密钥后重新交来密钥卡登记。",
            "org_code": args.org_code, "revoked": done.fingerprints}


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``partydesk sync …`` to the command tree."""
    sync = sub.add_parser("sync", help="数据交换：密钥卡、登记、导出与导入数据包")
    actions = sync.add_subparsers(dest="sync_command", metavar="操作", required=True)

    def action(name: str, handler: Callable[[argparse.Namespace], dict[str, Any]], text: str) -> Any:
        parser = actions.add_parser(name, parents=[common], help=text)
        parser.set_defaults(handler=handler)
        return parser

    p = action("keycard", cmd_keycard, "写出本单位的密钥卡（交给对方登记）")
    p.add_argument("--out", required=True, metavar="FILE", help="密钥卡文件或所在文件夹")
    p = action("register", cmd_register, "登记对方的密钥卡（须核对指纹）")
    p.add_argument("file", metavar="FILE", help="对方的密钥卡文件（.pdkey）")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--fingerprint", metavar="FP", help="对方电话告知的指纹（空格和大小写不限）")
    group.add_argument("--yes", action="store_true", help="已在屏幕上核对过指纹")
    p = action("export", cmd_export, "为已登记的单位写出下一个数据包")
    p.add_argument("--to", required=True, metavar="ORG_CODE", help="对方的组织代码；all：每个已登记的下级各写一个")
    p.add_argument("--out", required=True, metavar="DIR", help="写到哪个文件夹（例如U盘）")
    p.add_argument("--snapshot", action="store_true", help="写出全部数据（首次报送或对方要求时）")
    p = action("import", cmd_import, "导入数据包（或一个文件夹中的全部数据包）")
    p.add_argument("file", metavar="FILE", help="数据包文件（.pdsync），或存放数据包的文件夹（如U盘）")
    p.add_argument("--dry-run", action="store_true", help="只列出将会新增、更新、冲突和拒收的记录，不写入")
    action("status", cmd_status, "已登记的单位、收发的数据包和待处理的冲突")
    p = action("mend-clock", cmd_mend_clock, "电脑时钟曾设到将来时，校正本单位记录的修改时间")
    p.add_argument("--yes", action="store_true", help="已核对电脑现在的日期和时间无误")
    p = action("rotate-key", cmd_rotate_key, "更换本单位的密钥（随后的数据包把新密钥告知对方）")
    p.add_argument("--now", action="store_true", help="立即启用新密钥（旧密钥泄露时；须重新交换密钥卡）")
    p = action("revoke", cmd_revoke, "吊销已登记单位的密钥（例如其电脑被盗）")
    p.add_argument("org_code", metavar="ORG_CODE", help="对方的组织代码")
    p.add_argument("--reason", metavar="R", help="吊销原因")
    from partydesk import cli_conflicts, cli_notices

    cli_conflicts.add_sync_actions(actions, common)
    cli_notices.add_sync_actions(actions, common)
