//! COPY and ADD: sources, destinations, `--from` and remote downloads.

use super::parser::{Kind, Word};
use super::{Item, Model, Sink};
use tollgate_rules::docker;

const ARCHIVES: &[&str] = &[
    ".tar",
    ".tar.gz",
    ".tgz",
    ".tar.bz2",
    ".tbz",
    ".tbz2",
    ".tb2",
    ".tar.xz",
    ".txz",
    ".tar.lz",
    ".tar.lzma",
    ".tlz",
    ".tar.z",
    ".tz",
    ".tar.zst",
    ".tzst",
    ".gz",
    ".bz2",
    ".xz",
    ".lzma",
    ".zst",
    ".zip",
];

fn is_url(source: &str) -> bool {
    source.contains("://") || source.starts_with("git@")
}

fn is_archive(source: &str) -> bool {
    let lower = source.to_ascii_lowercase();
    ARCHIVES.iter().any(|ext| lower.ends_with(ext))
}

pub(crate) fn is_absolute_path(path: &str) -> bool {
    let bytes = path.as_bytes();
    path.starts_with('/')
        || path.starts_with('$')
        || path.starts_with('\\')
        || (bytes.len() >= 2 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':')
}

/// (sources, destination) of a COPY or ADD.
fn split<'a>(item: &Item<'a>) -> Option<(Vec<&'a Word>, &'a Word)> {
    let words = item.ins.words();
    let (dest, sources) = words.split_last()?;
    Some((sources.iter().collect(), dest))
}

pub fn check(model: &Model, sink: &mut Sink) {
    copied_then_extracted(model, sink);
    for (stage_index, _) in model.stages.iter().enumerate() {
        let mut workdir = inherited_workdir(model, stage_index);
        for item in model.stage_items(stage_index) {
            if item.is(Kind::Workdir) {
                workdir = true;
            }
            if !(item.is(Kind::Copy) || item.is(Kind::Add)) {
                continue;
            }
            copy_or_add(model, item, stage_index, workdir, sink);
        }
    }
    // ONBUILD COPY/ADD run in a child image, and instructions before the first FROM belong
    // to no stage: only the checks that do not depend on stages.
    for item in model.items.iter().filter(|i| i.onbuild || i.stage.is_none()) {
        if item.is(Kind::Add) {
            add_checks(item, sink);
        }
    }
}

fn inherited_workdir(model: &Model, stage: usize) -> bool {
    let mut current = model.stages[stage].parent;
    let mut guard = 0;
    while let Some(s) = current {
        if model.stage_items(s).any(|item| item.is(Kind::Workdir)) {
            return true;
        }
        current = model.stages[s].parent;
        guard += 1;
        if guard > 64 {
            break;
        }
    }
    false
}

fn copy_or_add(model: &Model, item: &Item, stage_index: usize, workdir: bool, sink: &mut Sink) {
    let Some((sources, dest)) = split(item) else { return };
    let keyword = item.ins.kind.name();
    if item.is(Kind::Add) {
        add_checks(item, sink);
    }
    if item.is(Kind::Copy) {
        if sources.len() > 1 && !dest.value.ends_with('/') && !dest.value.contains('$') {
            sink.report(
                item.statement,
                docker::COPY_DEST_NOT_DIR,
                dest.span.clone(),
                format!(
                    "`COPY` of {} sources needs a destination ending with `/`",
                    sources.len()
                ),
            );
        }
        if let Some(from) = item.ins.flag("from") {
            let reference = from.value.as_deref().unwrap_or("");
            // Onto a `scratch` stage, the whole tree of another stage is the squash idiom:
            // the image is that stage's files in one layer, nothing is overwritten.
            let onto_scratch = model.stages[stage_index].image.eq_ignore_ascii_case("scratch");
            if dest.value == "/" && !onto_scratch {
                if let Some(root) = sources.iter().find(|s| s.value == "/") {
                    sink.report(
                        item.statement,
                        docker::COPY_WHOLE_FILESYSTEM,
                        root.span.clone(),
                        format!("`COPY --from={reference} / /` lays another image's whole filesystem over this one: copy the paths the image needs"),
                    );
                }
            }
            let own = model.stages[stage_index]
                .name
                .as_deref()
                .is_some_and(|n| n.eq_ignore_ascii_case(reference));
            if own {
                sink.report(
                    item.statement,
                    docker::COPY_FROM_OWN_STAGE,
                    from.span.clone(),
                    format!("`--from={reference}` names the stage this `COPY` is in"),
                );
            } else {
                let earlier = model.named_before(reference, stage_index);
                let number = reference.parse::<usize>().is_ok();
                let image_like = reference.contains([':', '/', '@', '$']);
                if !earlier && !number && !image_like && !reference.is_empty() {
                    sink.report(
                        item.statement,
                        docker::COPY_FROM_UNKNOWN_STAGE,
                        from.span.clone(),
                        format!("`--from={reference}` is not a stage defined earlier"),
                    );
                }
            }
        }
    }
    let heredoc = item.ins.heredocs.iter().any(|h| h.marker.start <= dest.span.start) && sources.is_empty();
    if !workdir && !heredoc && !is_absolute_path(&dest.value) {
        sink.report(
            item.statement,
            docker::COPY_RELATIVE_WITHOUT_WORKDIR,
            dest.span.clone(),
            format!("`{keyword}` to relative `{}` with no `WORKDIR` set", dest.value),
        );
    }
}

fn add_checks(item: &Item, sink: &mut Sink) {
    let Some((sources, _)) = split(item) else { return };
    for source in sources {
        let value = &source.value;
        if value.starts_with("<<") || value.contains('$') {
            continue;
        }
        if is_url(value) {
            let remote_http = value.starts_with("http://") || value.starts_with("https://");
            let git = value.ends_with(".git") || value.contains(".git#");
            if remote_http && !git && item.ins.flag("checksum").is_none() {
                sink.report(
                    item.statement,
                    docker::ADD_REMOTE_WITHOUT_CHECKSUM,
                    source.span.clone(),
                    "`ADD` of a URL without `--checksum`: the download is not verified",
                );
            }
        } else if !is_archive(value) {
            sink.report(
                item.statement,
                docker::ADD_INSTEAD_OF_COPY,
                source.span.clone(),
                format!("`ADD` of `{value}`, which is neither a URL nor an archive: use `COPY`"),
            );
        }
    }
}

/// Archive formats `ADD` unpacks itself: tar, plain or compressed (not zip).
fn is_tar_archive(name: &str) -> bool {
    is_archive(name) && !name.to_ascii_lowercase().ends_with(".zip")
}

fn basename(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// `tar` with `-x`, `--extract` or `--get` (old-style `tar xzf` too), or a decompressor.
fn extracts(command: &super::shell::Command) -> bool {
    const DECOMPRESSORS: &[&str] = &[
        "unzip",
        "gunzip",
        "bunzip2",
        "unlzma",
        "unxz",
        "zgz",
        "uncompress",
        "zcat",
        "gzcat",
    ];
    if DECOMPRESSORS.contains(&command.name.value.as_str()) {
        return true;
    }
    if command.name.value != "tar" {
        return false;
    }
    let old_style = command
        .args
        .first()
        .is_some_and(|a| a.value.chars().all(|c| c.is_ascii_alphabetic()) && a.value.contains('x'));
    old_style
        || command.args.iter().any(|a| {
            let v = a.value.as_str();
            v == "--extract" || v == "--get" || (v.starts_with('-') && !v.starts_with("--") && v.contains('x'))
        })
}

/// A local tar archive that a `COPY` of the same stage puts in the image and a later `RUN`
/// extracts, matched by file name as hadolint matches it. The `COPY` is reported.
fn copied_then_extracted(model: &Model, sink: &mut Sink) {
    for (stage_index, _) in model.stages.iter().enumerate() {
        // (statement, span, file name) of each archive copied so far.
        let mut archives: Vec<(usize, std::ops::Range<usize>, String)> = Vec::new();
        let mut reported: Vec<usize> = Vec::new();
        for item in model.stage_items(stage_index) {
            if item.onbuild {
                continue;
            }
            if item.is(Kind::Copy) && item.ins.flag("from").is_none() {
                let Some((sources, dest)) = split(item) else { continue };
                if is_tar_archive(&dest.value) {
                    archives.push((item.statement, dest.span.clone(), basename(&dest.value).to_string()));
                } else {
                    for source in sources.iter().filter(|s| is_tar_archive(&s.value)) {
                        archives.push((item.statement, source.span.clone(), basename(&source.value).to_string()));
                    }
                }
            } else if item.is(Kind::Run) {
                for command in item.commands().filter(|c| extracts(c)) {
                    for (statement, span, name) in &archives {
                        let named = command.positional().any(|a| basename(&a.value) == name);
                        if named && !reported.contains(&span.start) {
                            reported.push(span.start);
                            sink.report(
                                *statement,
                                docker::ARCHIVE_COPIED_THEN_EXTRACTED,
                                span.clone(),
                                format!("`{name}` is copied and then extracted in `RUN`: `ADD` extracts a local tar archive itself"),
                            );
                        }
                    }
                }
            }
        }
    }
}
