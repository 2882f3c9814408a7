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
          GRAPH ?g {
            ?m ss:metric ?concept ; ss:kind ss:Level ; ss:asOf ?asOf ; ss:startDate ?start ; ss:endDate ?end ;
               ss:value ?v ; ss:unit ?unit .
            OPTIONAL { ?m ss:region ?r }
          }
          BIND (COALESCE(?r, ss:Nationwide) AS ?area)   # no region: the figure is for the whole country
          FILTER NOT EXISTS { ?concept ss:minValue ?min FILTER (?v < ?min) }
          FILTER NOT EXISTS { ?concept ss:maxValue ?max FILTER (?v > ?max) }
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
