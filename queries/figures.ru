# Recompute the figures summary that time-series, latest-figures and conflicting-figures read:
# one ss:Figure per metric, region, period (as-of date, first and last day) and unit of the
# reported levels, with the value most reports give (a tie goes to the value of the greatest
# measurement IRI, the same on every build), how many reports and distinct values there are, the
# lowest and highest, and one measurement that gives the value (ss:example). A value outside its
# metric's range (ss:minValue, ss:maxValue), which a store built before the ranges may hold, is
# left out. Run by every build that changed the store.
PREFIX ss: <https://w3id.org/sscard-kg/ontology#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>

DROP SILENT GRAPH <https://w3id.org/sscard-kg/id/figures> ;
INSERT {
  GRAPH <https://w3id.org/sscard-kg/id/figures> {
    ?figure a ss:Figure ; ss:metric ?concept ; ss:region ?area ; ss:asOf ?asOf ; ss:startDate ?start ;
      ss:endDate ?end ; ss:unit ?unit ;
      ss:value ?value ; ss:reports ?reports ; ss:values ?values ; ss:lowest ?lowest ;
      ss:highest ?highest ; ss:example ?example .
  }
}
WHERE {
  {
    SELECT ?concept ?area ?asOf ?start ?end ?unit (SUM(?per) AS ?reports) (COUNT(?v) AS ?values)
           (MIN(?v) AS ?lowest) (MAX(?v) AS ?highest) (MAX(?ranked) AS ?best)
    WHERE {
      {
        SELECT ?concept ?area ?asOf ?start ?end ?unit ?v (COUNT(?m) AS ?per) (MIN(STR(?m)) AS ?first)
        WHERE {
          # each property of a level read in its own part, joined on the graph and the node: Oxigraph
          # scans each property's index once instead of looking up each measurement's values
          { SELECT ?g ?m WHERE { GRAPH ?g { ?m ss:kind ss:Level } } }
          { SELECT ?g ?m ?concept WHERE { GRAPH ?g { ?m ss:metric ?concept } } }
          { SELECT ?g ?m ?asOf WHERE { GRAPH ?g { ?m ss:asOf ?asOf } } }
          { SELECT ?g ?m ?start WHERE { GRAPH ?g { ?m ss:startDate ?start } } }
          { SELECT ?g ?m ?end WHERE { GRAPH ?g { ?m ss:endDate ?end } } }
          { SELECT ?g ?m ?v WHERE { GRAPH ?g { ?m ss:value ?v } } }
          { SELECT ?g ?m ?unit WHERE { GRAPH ?g { ?m ss:unit ?unit } } }
          OPTIONAL { SELECT ?g ?m ?r WHERE { GRAPH ?g { ?m ss:region ?r } } }
          BIND (COALESCE(?r, ss:Nationwide) AS ?area)   # no region: the figure is for the whole country
          # the metric's range (ontology/metrics.ttl: one bound of each at most): a value outside is left out
          OPTIONAL { SELECT ?concept ?min WHERE { ?concept ss:minValue ?min } }
          OPTIONAL { SELECT ?concept ?max WHERE { ?concept ss:maxValue ?max } }
          FILTER (!COALESCE(?v < ?min, false) && !COALESCE(?v > ?max, false))
        }
        GROUP BY ?concept ?area ?asOf ?start ?end ?unit ?v
      }
      # ranked by the number of reports, then by measurement IRI; the value rides along
      BIND (CONCAT(STR(1000000000 + ?per), " ", ?first, " ", STR(?v)) AS ?ranked)
    }
    GROUP BY ?concept ?area ?asOf ?start ?end ?unit
  }
  BIND (STRDT(STRAFTER(STRAFTER(?best, " "), " "), xsd:decimal) AS ?value)
  BIND (IRI(STRBEFORE(STRAFTER(?best, " "), " ")) AS ?example)
  BIND (IRI(CONCAT("https://w3id.org/sscard-kg/id/figure/",
                   SHA1(CONCAT(STR(?concept), " ", STR(?area), " ", STR(?asOf), " ", STR(?start), " ", ?unit)))) AS ?figure)
}
