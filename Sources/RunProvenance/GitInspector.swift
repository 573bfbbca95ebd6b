import CGit2
import Foundation

/// The state of the git repository holding a folder: HEAD's commit and branch, and every
/// changed or untracked file of the working tree (ignored files are not changes).
public struct GitState: Sendable, Equatable {
    public struct Change: Sendable, Equatable {
        public var path: String
        /// modified, added, deleted, renamed, typechange, untracked or conflicted.
        public var status: String
    }

    /// The working tree's root folder.
    public var root: String
    /// HEAD's commit id (40 hex digits); nil in a repository without commits.
    public var commit: String?
    /// The checked-out branch; nil when HEAD is detached.
    public var branch: String?
    /// Sorted by path.
    public var changes: [Change]

    public var isDirty: Bool { !changes.isEmpty }
}

/// Reads `GitState` with libgit2, never by running the git command. This is the one file
/// that imports CGit2.
public enum GitInspector {
    /// The repository at or above `folder`, or nil when there is none (not an error: a
    /// run outside a repository records git as absent).
    public static func state(of folder: URL) throws -> GitState? {
        _ = initialized
        var repo: OpaquePointer?
        let opened = git_repository_open_ext(&repo, folder.path, 0, nil)
        if opened == GIT_ENOTFOUND.rawValue { return nil }
        try check(opened, "open the repository at \(folder.path)")
        defer { git_repository_free(repo) }
        guard let workdir = git_repository_workdir(repo) else { return nil } // a bare repository has no working tree
        var root = String(cString: workdir)
        if root.count > 1, root.hasSuffix("/") { root.removeLast() }

        var commit: String?, branch: String?
        var head: OpaquePointer?
        let headStatus = git_repository_head(&head, repo)
        if headStatus == 0 {
            defer { git_reference_free(head) }
            if let oid = git_reference_target(head) { commit = String(cString: git_oid_tostr_s(oid)) }
            if git_repository_head_detached(repo) == 0, let name = git_reference_shorthand(head) { branch = String(cString: name) }
        } else if headStatus != GIT_EUNBORNBRANCH.rawValue && headStatus != GIT_ENOTFOUND.rawValue {
            try check(headStatus, "read HEAD")
        }
        return GitState(root: root, commit: commit, branch: branch, changes: try changes(repo))
    }

    private static func changes(_ repo: OpaquePointer?) throws -> [GitState.Change] {
        var options = git_status_options()
        try check(git_status_options_init(&options, UInt32(GIT_STATUS_OPTIONS_VERSION)), "prepare a status query")
        options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR
        options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED.rawValue | GIT_STATUS_OPT_EXCLUDE_SUBMODULES.rawValue
            | GIT_STATUS_OPT_RENAMES_HEAD_TO_INDEX.rawValue
        var list: OpaquePointer?
        try check(git_status_list_new(&list, repo, &options), "read the working tree's status")
        defer { git_status_list_free(list) }
        var result: [GitState.Change] = []
        for i in 0..<git_status_list_entrycount(list) {
            guard let entry = git_status_byindex(list, i)?.pointee else { continue }
            let delta = entry.index_to_workdir ?? entry.head_to_index
            guard let file = delta?.pointee.new_file.path ?? delta?.pointee.old_file.path else { continue }
            result.append(.init(path: String(cString: file), status: describe(entry.status.rawValue)))
        }
        return result.sorted { $0.path < $1.path }
    }

    private static func describe(_ s: UInt32) -> String {
        func has(_ flag: git_status_t) -> Bool { s & flag.rawValue != 0 }
        if has(GIT_STATUS_CONFLICTED) { return "conflicted" }
        if has(GIT_STATUS_WT_NEW) { return has(GIT_STATUS_INDEX_NEW) ? "added" : "untracked" }
        if has(GIT_STATUS_INDEX_NEW) { return "added" }
        if has(GIT_STATUS_WT_DELETED) || has(GIT_STATUS_INDEX_DELETED) { return "deleted" }
        if has(GIT_STATUS_INDEX_RENAMED) || has(GIT_STATUS_WT_RENAMED) { return "renamed" }
        if has(GIT_STATUS_WT_TYPECHANGE) || has(GIT_STATUS_INDEX_TYPECHANGE) { return "typechange" }
        return "modified"
    }

    /// libgit2 wants one global init per process; it is never shut down.
    private static let initialized: Int32 = git_libgit2_init()

    private static func check(_ status: Int32, _ what: String) throws {
        guard status < 0 else { return }
        let message = git_error_last().map { String(cString: $0.pointee.message) } ?? "error \(status)"
        throw ProvenanceError("libgit2 could not \(what): \(message)")
    }
}

/// A failure to read provenance (git, toolchain) that is not "there is none".
public struct ProvenanceError: Error, CustomStringConvertible {
    public var description: String
    package init(_ description: String) { self.description = description }
}
