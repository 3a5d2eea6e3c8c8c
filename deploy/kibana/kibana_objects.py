"""Builders for Kibana saved objects: data views, aggregation-based visualizations and a by-reference dashboard.

The objects use the aggregation-based `visualization` format with an older typeMigrationVersion (7.10.0), so Kibana
runs its own visualization migrations on import and stores them in its current shape. Dashboard panels use the
by-reference layout of 8.x exports (panelRefName "panel_<panelIndex>", reference "<panelIndex>:panel_<panelIndex>").
"""
import json
import uuid

CORE_MIGRATION_VERSION = "8.8.0"
INDEX_PATTERN_VERSION = "8.0.0"
VISUALIZATION_VERSION = "7.10.0"
DASHBOARD_VERSION = "8.9.0"
NAMESPACE = uuid.UUID("5b0c3d5e-2f6a-4a8e-9a51-6c0f1e0d7a11")


def dumps(value):
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def data_view(object_id, title, time_field):
    return {
        "type": "index-pattern",
        "id": object_id,
        "attributes": {
            "title": title,
            "name": title,
            "timeFieldName": time_field,
            "allowNoIndex": True,
            "fields": "[]",
            "fieldAttrs": "{}",
            "fieldFormatMap": "{}",
            "runtimeFieldMap": "{}",
            "sourceFilters": "[]",
        },
        "references": [],
        "managed": False,
        "coreMigrationVersion": CORE_MIGRATION_VERSION,
        "typeMigrationVersion": INDEX_PATTERN_VERSION,
    }


# ---------------------------------------------------------------------------------------------------------------
# aggregations


def count(agg_id="1", label=""):
    return {"id": agg_id, "enabled": True, "type": "count", "schema": "metric", "params": {"customLabel": label}}


def metric(agg_id, kind, field, label):
    return {"id": agg_id, "enabled": True, "type": kind, "schema": "metric",
            "params": {"field": field, "customLabel": label}}


def terms(agg_id, schema, field, size, label, order_by="1", order="desc", other=False):
    return {
        "id": agg_id, "enabled": True, "type": "terms", "schema": schema,
        "params": {
            "field": field, "orderBy": order_by, "order": order, "size": size,
            "otherBucket": other, "otherBucketLabel": "Other",
            "missingBucket": False, "missingBucketLabel": "Missing",
            "customLabel": label,
        },
    }


def date_histogram(agg_id, field, label):
    return {
        "id": agg_id, "enabled": True, "type": "date_histogram", "schema": "segment",
        "params": {
            "field": field, "useNormalizedEsInterval": True, "scaleMetricValues": False, "interval": "auto",
            "drop_partials": False, "min_doc_count": 1, "extended_bounds": {}, "customLabel": label,
        },
    }


def filters(agg_id, field, values, label):
    return {
        "id": agg_id, "enabled": True, "type": "filters", "schema": "segment",
        "params": {
            "filters": [{"input": {"query": f'{field} : "{v}"', "language": "kuery"}, "label": v} for v in values],
            "customLabel": label,
        },
    }


# ---------------------------------------------------------------------------------------------------------------
# visualization params, in the shape Kibana 7.10 saved them (later fields are added by Kibana's migrations)


def xy_params(chart, metric_label, horizontal=False, mode="stacked", legend=True):
    series_type = "line" if chart == "line" else "histogram"
    return {
        "type": series_type,
        "grid": {"categoryLines": False},
        "categoryAxes": [{
            "id": "CategoryAxis-1", "type": "category", "position": "left" if horizontal else "bottom", "show": True,
            "style": {}, "scale": {"type": "linear"},
            "labels": {"show": True, "filter": not horizontal, "truncate": 200 if horizontal else 100},
            "title": {},
        }],
        "valueAxes": [{
            "id": "ValueAxis-1", "name": "BottomAxis-1" if horizontal else "LeftAxis-1", "type": "value",
            "position": "bottom" if horizontal else "left", "show": True, "style": {},
            "scale": {"type": "linear", "mode": "normal"},
            "labels": {"show": True, "rotate": 0, "filter": horizontal, "truncate": 100},
            "title": {"text": metric_label},
        }],
        "seriesParams": [{
            "show": True, "type": series_type, "mode": mode, "data": {"label": metric_label, "id": "1"},
            "valueAxis": "ValueAxis-1", "drawLinesBetweenPoints": True, "lineWidth": 2, "interpolate": "linear",
            "showCircles": True,
        }],
        "addTooltip": True,
        "addLegend": legend,
        "legendPosition": "right",
        "times": [],
        "addTimeMarker": False,
        "labels": {"show": horizontal},
        "thresholdLine": {"show": False, "value": 10, "width": 1, "style": "full", "color": "#E7664C"},
    }


def pie_params():
    return {
        "type": "pie",
        "addTooltip": True,
        "addLegend": True,
        "legendPosition": "right",
        "isDonut": True,
        "labels": {"show": True, "values": True, "last_level": True, "truncate": 100},
    }


def table_params(per_page):
    return {
        "perPage": per_page,
        "showPartialRows": False,
        "showMetricsAtAllLevels": False,
        "showTotal": False,
        "totalFunc": "sum",
        "percentageCol": "",
        "sort": {"columnIndex": None, "direction": None},
    }


def visualization(object_id, title, description, vis_type, params, aggs, data_view_id, query=""):
    search_source = {
        "query": {"query": query, "language": "kuery"},
        "filter": [],
        "indexRefName": "kibanaSavedObjectMeta.searchSourceJSON.index",
    }
    return {
        "type": "visualization",
        "id": object_id,
        "attributes": {
            "title": title,
            "description": description,
            "version": 1,
            "uiStateJSON": "{}",
            "visState": dumps({"title": title, "type": vis_type, "params": params, "aggs": aggs}),
            "kibanaSavedObjectMeta": {"searchSourceJSON": dumps(search_source)},
        },
        "references": [
            {"name": "kibanaSavedObjectMeta.searchSourceJSON.index", "type": "index-pattern", "id": data_view_id},
        ],
        "managed": False,
        "coreMigrationVersion": CORE_MIGRATION_VERSION,
        "typeMigrationVersion": VISUALIZATION_VERSION,
    }


def dashboard(object_id, title, description, layout):
    panels, references = [], []
    for vis_id, x, y, w, h in layout:
        panel_index = str(uuid.uuid5(NAMESPACE, vis_id))
        panels.append({
            "type": "visualization",
            "gridData": {"x": x, "y": y, "w": w, "h": h, "i": panel_index},
            "panelIndex": panel_index,
            "embeddableConfig": {"enhancements": {}},
            "panelRefName": f"panel_{panel_index}",
        })
        references.append({"name": f"{panel_index}:panel_{panel_index}", "type": "visualization", "id": vis_id})
    return {
        "type": "dashboard",
        "id": object_id,
        "attributes": {
            "title": title,
            "description": description,
            "panelsJSON": dumps(panels),
            "optionsJSON": dumps({"useMargins": True, "syncColors": False, "syncCursor": True,
                                  "syncTooltips": False, "hidePanelTitles": False}),
            "timeRestore": True,
            "timeFrom": "now-3y",
            "timeTo": "now",
            "refreshInterval": {"pause": True, "value": 60000},
            "kibanaSavedObjectMeta": {"searchSourceJSON": dumps({"query": {"query": "", "language": "kuery"},
                                                                 "filter": []})},
        },
        "references": references,
        "managed": False,
        "coreMigrationVersion": CORE_MIGRATION_VERSION,
        "typeMigrationVersion": DASHBOARD_VERSION,
    }
