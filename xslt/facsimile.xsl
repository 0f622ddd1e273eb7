<?xml version="1.0" encoding="UTF-8"?>
<!--
  The page images beside the text (HTML only). What each @facs leads to is read by teikit
  (toolkit/facsimile.py) and handed over as the JSON parameter `facsimile`: surfaces (image,
  size, zones) and references (@facs value → [surface, zone]). Here the page marks what
  the viewer script (facsimile.js) follows: page breaks and sourceDoc surfaces carry
  data-surface, elements tied to a zone carry data-zone (a line's lb becomes a mark where
  the line begins), and the viewer panel carries the surfaces this page reaches.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">

  <!-- The viewer's scripts: linked (an edition: facsimile.js and openseadragon/ under this
       folder) or inline (one rendered file). The manifest: the volume's IIIF manifest. -->
  <xsl:param name="facsimile-href" as="xs:string" select="''"/>
  <xsl:param name="facsimile-scripts" as="xs:string" select="''"/>
  <xsl:param name="manifest-href" as="xs:string" select="''"/>
  <xsl:param name="manifest-url" as="xs:string" select="''"/>

  <!-- A sourceDoc surface's key, as teikit names one without xml:id. -->
  <xsl:function name="tk:surface-key" as="xs:string">
    <xsl:param name="surface" as="element(tei:surface)"/>
    <xsl:sequence select="($surface/@xml:id,
        'surface-' || count($surface/preceding::tei:surface[not(ancestor::tei:surface)]) + 1)[1]"/>
  </xsl:function>

  <!-- Where a page-break's page image is, for a reader without the viewer (a link). -->
  <xsl:function name="tk:facs-link" as="xs:string">
    <xsl:param name="pb" as="element(tei:pb)"/>
    <xsl:variable name="ref" select="tk:facs-ref($pb)"/>
    <xsl:sequence select="if (exists($ref)) then tk:safe-url(string($tk:facs?surfaces?($ref(1))?link))
        else ''"/>
  </xsl:function>

  <!-- An element tied to a zone keeps its own rendering, marked with its zone (an element
       that renders as nothing or as several nodes, a line's lb, gets a mark before it). -->
  <xsl:template match="tei:*[@facs][exists($tk:facs)][not(self::tei:pb | self::tei:surface)]" priority="90">
    <xsl:variable name="ref" select="tk:facs-ref(.)"/>
    <xsl:choose>
      <xsl:when test="empty($ref) or $ref(2) = ''"><xsl:next-match/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="out" as="node()*"><xsl:next-match/></xsl:variable>
        <xsl:choose>
          <xsl:when test="count($out) = 1 and $out instance of element() and not(self::tei:lb | self::tei:cb | self::tei:milestone)">
            <xsl:for-each select="$out">
              <xsl:copy>
                <xsl:copy-of select="@*"/>
                <xsl:attribute name="data-surface" select="$ref(1)"/>
                <xsl:attribute name="data-zone" select="$ref(2)"/>
                <xsl:copy-of select="node()"/>
              </xsl:copy>
            </xsl:for-each>
          </xsl:when>
          <xsl:otherwise>
            <span class="zone-start" data-surface="{$ref(1)}" data-zone="{$ref(2)}"></span>
            <xsl:sequence select="$out"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The viewer: the surfaces the page's text reaches (with the page it begins on), in
       the order it reaches them. Nothing when there are none. -->
  <xsl:template name="facsimile-viewer">
    <xsl:param name="scope" as="node()*"/>
    <xsl:if test="exists($tk:facs)">
      <xsl:variable name="before" select="$scope[1]/preceding::tei:pb[@facs][1]"/>
      <xsl:variable name="keys" select="distinct-values((
          ($before, $scope/descendant-or-self::tei:*[@facs]) ! tk:facs-ref(.)?1,
          $scope/descendant-or-self::tei:surface[not(ancestor::tei:surface | ancestor::tei:facsimile)] ! tk:surface-key(.)))
          [map:contains($tk:facs?surfaces, .)]"/>
      <xsl:if test="exists($keys)">
        <xsl:variable name="data" select="map {
            'order': array {$keys},
            'start': string((tk:facs-ref($before)?1, $keys[1])[1]),
            'surfaces': map:merge($keys ! map:entry(., $tk:facs?surfaces?(.)))}"/>
        <aside class="facsimile" hidden="" aria-label="Page images" data-facsimile="{serialize($data, map {'method': 'json'})}">
          <div class="facs-bar">
            <button type="button" class="facs-prev" aria-label="Previous page image">‹</button>
            <span class="facs-label" aria-live="polite"></span>
            <button type="button" class="facs-next" aria-label="Next page image">›</button>
            <button type="button" class="facs-zoom-in" aria-label="Zoom in">+</button>
            <button type="button" class="facs-zoom-out" aria-label="Zoom out">−</button>
            <button type="button" class="facs-home" aria-label="Whole page">⤢</button>
            <xsl:if test="$manifest-href != ''">
              <a class="facs-manifest" title="IIIF manifest: drag into a IIIF viewer"
                  href="{tk:safe-url($manifest-href || (if ($manifest-url != '') then '?manifest=' || encode-for-uri($manifest-url) else ''))}">IIIF</a>
            </xsl:if>
          </div>
          <div class="facs-view" tabindex="0" role="application"
              aria-label="Page image: arrow keys move between the lines marked on it, + and − zoom, 0 shows the whole page, Page Up and Page Down turn the page"></div>
          <p class="facs-note" hidden=""></p>
        </aside>
        <xsl:if test="$facsimile-href != ''">
          <script src="{tk:safe-url($facsimile-href)}openseadragon/openseadragon.min.js" defer=""></script>
          <script src="{tk:safe-url($facsimile-href)}facsimile.js" defer=""></script>
        </xsl:if>
        <xsl:if test="$facsimile-scripts != ''"><script><xsl:value-of select="$facsimile-scripts"/></script></xsl:if>
      </xsl:if>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
