/// `load.sh` of `policyq export --opensearch`: the curl commands that put the template and
/// post the bulk files to an OpenSearch cluster. policyq writes it and never runs it; its
/// tests do not run an engine.
package enum OpenSearchLoadScript {
  /// The script for an export of `bulkFiles` bulk files.
  package static func text(bulkFiles: Int) -> String {
    """
    #!/bin/sh
    # Loads this export of policyq into OpenSearch (written by `policyq export --opensearch`;
    # policyq does not run it, and its tests run no engine). The cluster needs the
    # analysis-icu plugin: bin/opensearch-plugin install analysis-icu
    #
    #   OPENSEARCH_URL=https://localhost:9200 CURL_OPTS='-u admin:…' ./load.sh
    #
    # The index is \(OpenSearchFields.indexName) unless INDEX says otherwise; the template
    # applies to names that start with \(OpenSearchFields.indexName), so keep that prefix.
    # \(bulkFiles) bulk file(s), each posted whole; a file some of whose units were refused
    # ("errors":true in the response) is named; a failed request stops the script.
    set -eu
    cd "$(dirname "$0")"
    URL="${OPENSEARCH_URL:-http://localhost:9200}"
    INDEX="${INDEX:-\(OpenSearchFields.indexName)}"
    CURL_OPTS="${CURL_OPTS:-}"

    # shellcheck disable=SC2086
    curl -fsS $CURL_OPTS -X PUT "$URL/_index_template/policyq-units" \\
      -H 'Content-Type: application/json' --data-binary @template.json
    echo

    for file in bulk-*.ndjson; do
      [ -e "$file" ] || continue
      echo "$file"
      # shellcheck disable=SC2086
      response=$(curl -fsS $CURL_OPTS -X POST "$URL/$INDEX/_bulk" \\
        -H 'Content-Type: application/x-ndjson' --data-binary "@$file")
      case "$response" in
      *'"errors":true'*) echo "$file: some units were refused (see the bulk response)" >&2 ;;
      esac
    done
    # shellcheck disable=SC2086
    curl -fsS $CURL_OPTS -X POST "$URL/$INDEX/_refresh"
    echo

    """
  }
}
