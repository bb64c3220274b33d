#!/bin/sh
# Guardrails in any CI system (GitLab, Bitbucket, Jenkins, Azure Pipelines, CircleCI, a Makefile…):
# checks only what a change adds against the branch it merges into, writes guardrails.md (a summary
# for a merge-request comment) and guardrails.sarif (for tools that read SARIF), prints the summary,
# and exits as `guardrails check` does: 0 nothing new at the failing level, 1 the change adds
# findings, 2 a usage or rules-file error (or no base branch to compare with).
#
#   sh docs/ci/check.sh [BASE_BRANCH]
#
# BASE_BRANCH is the branch the change merges into. Without it, the CI system's own variable says:
# GitLab CI_MERGE_REQUEST_TARGET_BRANCH_NAME, Bitbucket BITBUCKET_PR_DESTINATION_BRANCH, Jenkins
# CHANGE_TARGET, Azure Pipelines SYSTEM_PULLREQUEST_TARGETBRANCH, GitHub GITHUB_BASE_REF; else main.
#
# Environment (all optional):
#   GUARDRAILS         the command to run (default: npx --no guardrails, the project's installed copy;
#                      --no so that npx never downloads the unrelated `guardrails` package of the registry)
#   GUARDRAILS_ARGS    more options for `check`, such as "--max-warnings 0"
#   GUARDRAILS_REMOTE  the remote holding the base branch (default: origin)
#   GUARDRAILS_OUT     the folder to write the two reports to (default: the current folder)
set -u

base=${1:-${CI_MERGE_REQUEST_TARGET_BRANCH_NAME:-${BITBUCKET_PR_DESTINATION_BRANCH:-${CHANGE_TARGET:-${SYSTEM_PULLREQUEST_TARGETBRANCH:-${GITHUB_BASE_REF:-main}}}}}}
base=${base#refs/heads/}
remote=${GUARDRAILS_REMOTE:-origin}
out=${GUARDRAILS_OUT:-.}
ref="$remote/$base"
# Split on spaces on purpose: a command with its arguments, and a list of options.
guardrails=${GUARDRAILS:-npx --no guardrails}
args=${GUARDRAILS_ARGS:-}

# An exit code of 1 must mean "new findings": say so when the command itself cannot run (npx exits
# 1 when the package is not installed).
# shellcheck disable=SC2086
if ! $guardrails check --help >/dev/null 2>&1; then
  echo "guardrails: cannot run '$guardrails': install Guardrails in the project (see its README, Install) or set GUARDRAILS to the command" >&2
  exit 2
fi

# CI systems often clone one branch, shallow: fetch the base branch, and enough history to find
# where the change left it (the merge base).
fetch_base() {
  if [ "$(git rev-parse --is-shallow-repository 2>/dev/null)" = true ]; then
    git fetch --quiet --no-tags --unshallow "$remote" "+refs/heads/$base:refs/remotes/$ref"
  else
    git fetch --quiet --no-tags "$remote" "+refs/heads/$base:refs/remotes/$ref"
  fi
}
if ! git rev-parse --verify --quiet "$ref^{commit}" >/dev/null || [ "$(git rev-parse --is-shallow-repository 2>/dev/null)" = true ]; then
  if ! fetch_base; then
    echo "guardrails: cannot fetch the base branch $base from $remote (set BASE_BRANCH or GUARDRAILS_REMOTE)" >&2
    exit 2
  fi
fi

mkdir -p "$out" || exit 2
# --cache: the second run takes what the first parsed (both sides of the comparison) from the
# user's cache folder instead of parsing every file again.
# shellcheck disable=SC2086
$guardrails check --since "$ref" --cache --format sarif --output "$out/guardrails.sarif" $args
status=$?
# shellcheck disable=SC2086
$guardrails check --since "$ref" --cache --format markdown --output "$out/guardrails.md" $args
[ -f "$out/guardrails.md" ] && cat "$out/guardrails.md"
exit "$status"
