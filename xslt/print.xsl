<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI → the page tree for print: XHTML that print.typ lays out as PDF pages with Typst.
  Notes become footnote spans (Typst sets them at the foot of the page where they are
  referenced), page breaks carry the source edition's [Page N] for the margin, hands get
  sigla and a key, several documents a title page and contents, and a corpus (the
  edition PDF) one section per volume. Builds on the HTML stylesheet, so every TEI
  element prints as it reads on the web; print.typ only decides how each looks.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit"
    exclude-result-prefixes="#all">

  <xsl:import href="html.xsl"/>
  <!-- well-formed XML: Typst reads it with xml() -->
  <xsl:output method="xml" encoding="UTF-8" indent="no" omit-xml-declaration="yes"/>

  <xsl:param name="edition-title" as="xs:string" select="''"/>

  <xsl:template match="/" mode="tk:page">
    <xsl:variable name="all" select="tk:documents(.)"/>
    <xsl:variable name="docs" select="if ($doc-id != '') then $all[@xml:id = $doc-id] else $all"/>
    <xsl:variable name="title" select="if ($edition-title != '') then $edition-title
        else if (count($docs) = 1) then tk:doc-title($docs) else tk:file-title(.)"/>
    <xsl:variable name="header" select="tk:header(.)"/>
    <html lang="{tk:lang(.)}">
      <head>
        <title><xsl:value-of select="$title"/></title>
        <meta name="author" content="{string-join(distinct-values(($header/tei:fileDesc/tei:titleStmt/(tei:author, tei:editor, tei:respStmt/tei:name, tei:respStmt/tei:persName))[normalize-space()] ! tk:plain(.)), '; ')}"/>
        <meta name="description" content="{if (count($docs) = 1 and $edition-title = '') then tk:source-line(.) else tk:file-title(.)}"/>
        <meta name="keywords" content="{string-join(distinct-values($header/tei:profileDesc/tei:textClass/tei:keywords//tei:term[normalize-space()] ! tk:plain(.)), '; ')}"/>
      </head>
      <body class="print">
        <xsl:if test="count($docs) gt 1 or $edition-title != ''">
          <section class="title-page">
            <h1 class="edition-title"><xsl:value-of select="$title"/></h1>
            <p class="edition-count"><xsl:value-of select="count($docs)"/> document<xsl:if test="count($docs) != 1">s</xsl:if></p>
          </section>
          <nav class="contents">
            <h2>Contents</h2>
            <ol>
              <xsl:for-each select="$docs">
                <xsl:variable name="volume" select="ancestor::tei:TEI[parent::tei:teiCorpus]"/>
                <xsl:if test="$volume and empty(preceding::tei:div[@type = 'document'][ancestor::tei:TEI[1] is $volume])">
                  <li class="volume"><a href="#{tk:id($volume)}"><xsl:value-of select="tk:file-title($volume)"/></a></li>
                </xsl:if>
                <li><a href="#{tk:id(.)}"><xsl:if test="@n"><span class="num"><xsl:value-of select="@n"/>. </span></xsl:if>
                  <xsl:value-of select="tk:doc-title(.)"/></a></li>
              </xsl:for-each>
            </ol>
          </nav>
        </xsl:if>
        <xsl:call-template name="content">
          <xsl:with-param name="docs" select="$docs"/>
        </xsl:call-template>
      </body>
    </html>
  </xsl:template>

  <!-- The edition PDF: each volume a section of its own (a heading, a bookmark). -->
  <xsl:template match="tei:teiCorpus/tei:TEI" mode="root">
    <section class="volume" id="{tk:id(.)}" data-title="{tk:file-title(.)}">
      <xsl:next-match/>
    </section>
  </xsl:template>

  <xsl:template match="*" mode="document">
    <article class="document" id="{tk:id(.)}">
      <p class="running-title"><xsl:value-of select="tk:doc-title(.)"/></p>
      <xsl:call-template name="metadata"/>
      <xsl:variable name="foot" select="tk:apparatus-at-foot(.)"/>
      <xsl:apply-templates select="node()">
        <xsl:with-param name="tk:foot" tunnel="yes" select="$foot"/>
      </xsl:apply-templates>
      <xsl:call-template name="apparatus-section">
        <xsl:with-param name="apps" select="tk:apps-in(.)[tk:apart(.) or (not($foot) and $witness = '')]"/>
      </xsl:call-template>
      <xsl:call-template name="hand-legend"/>
    </article>
  </xsl:template>

  <!-- A footnote floats to the foot of the page; the call and marker show its label. -->
  <xsl:template match="tei:note">
    <span class="footnote {@type}" id="{tk:id(.)}" data-label="{tk:note-label(.)}"><xsl:apply-templates/></span>
  </xsl:template>
  <!-- A note the source places in a margin (@place margin, left, right…) stands in the
       page's left margin, beside the line that calls it, not at the foot. -->
  <xsl:template match="tei:note[tokenize(lower-case(@place)) = ('margin', 'margin-left', 'margin-right',
      'marginleft', 'marginright', 'left', 'right', 'margin-outer', 'margin-inner', 'opposite')]">
    <sup class="margin-call"><xsl:value-of select="tk:note-label(.)"/></sup>
    <span class="{string-join(('margin-note', @type), ' ')}" id="{tk:id(.)}"><b><xsl:value-of select="tk:note-label(.)"/>.</b>
      <xsl:text> </xsl:text><xsl:apply-templates/></span>
  </xsl:template>
  <xsl:template match="tei:note/tei:p">
    <span class="note-p"><xsl:apply-templates/></span>
  </xsl:template>

  <!-- The critical apparatus in print: the view's reading in the text; the entries at the
       foot of the page, a series of their own above the notes: each block of text (a
       paragraph, a verse line…) is preceded by its units' entries as one float that Typst
       sets at the foot of the page the block begins on (print.typ), keyed by the line,
       section or paragraph number in the margin. A unit in no such block: a note at the
       foot, keyed, without a mark in the text. -->
  <xsl:variable name="tk:interactive" as="xs:boolean" select="false()"/>
  <xsl:template match="tei:app">
    <xsl:param name="tk:copy" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:param name="tk:foot" as="xs:boolean" tunnel="yes" select="true()"/>
    <xsl:variable name="shown" select="tk:shown(.)"/>
    <span class="app"><xsl:apply-templates select="$shown/node(), node()[not(self::tei:lem or self::tei:rdg
        or self::tei:rdgGrp or self::tei:note or self::tei:witDetail)][normalize-space()]"/></span>
    <!-- its entry, and those of the units in its other readings (which the text does not
         show, so no mark of theirs comes later) -->
    <xsl:if test="$witness = '' and not($tk:copy) and $tk:foot and not(tk:floated(tk:home(.)))">
      <xsl:for-each select="tk:with-hidden(.)">
        <span class="app-note" data-key="{tk:app-key(.)}"><xsl:call-template name="app-entry"/></span>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>
  <xsl:template name="apparatus"/>
  <!-- The block whose float carries a unit's entry: the outermost paragraph, head, verse
       group or line, list, table or quotation around it (a float inside a block that the
       page lays out as a box of its own would sink to that box's foot, not the page's). -->
  <xsl:function name="tk:home" as="element()?">
    <xsl:param name="app" as="element()"/>
    <xsl:sequence select="$app/ancestor::*[self::tei:p or self::tei:ab or self::tei:head or self::tei:lg
        or self::tei:l or self::tei:list or self::tei:table or self::tei:quote or self::tei:sp
        or self::tei:opener or self::tei:closer][not(ancestor::tei:note or ancestor::tei:app)][last()]"/>
  </xsl:function>
  <!-- Does a block carry its units' entries in floats? Not one with more than 12 (a poem in
       one ab): a float must fit on a page, and a pile of them would drift pages away from
       the text; its units' entries are keyed foot notes instead, which Typst sets on the
       page of their unit and breaks across pages. -->
  <xsl:function name="tk:floated" as="xs:boolean">
    <xsl:param name="block" as="element()?"/>
    <xsl:sequence select="exists($block) and count(tk:units-of($block)) le 12"/>
  </xsl:function>
  <!-- The units the text of a block shows, whose entries its floats carry. -->
  <xsl:function name="tk:units-of" as="element(tei:app)*">
    <xsl:param name="block" as="element()"/>
    <xsl:sequence select="$block//tei:app[not(tk:apart(.))][tk:home(.) is $block][tk:unit-in-text(.) is .]"/>
  </xsl:function>
  <!-- A unit, and the units in its readings the text does not show (no mark of theirs
       comes later). -->
  <xsl:function name="tk:with-hidden" as="element(tei:app)*">
    <xsl:param name="app" as="element(tei:app)"/>
    <xsl:sequence select="$app | (tk:readings($app) except tk:shown($app))//tei:app"/>
  </xsl:function>
  <xsl:template name="app-float">
    <xsl:param name="apps" as="element(tei:app)*"/>
    <span class="app-float">
      <xsl:for-each select="$apps">
        <span class="app-run"><b class="app-run-key"><xsl:value-of select="tk:app-key(.)"/></b><xsl:text> </xsl:text><xsl:call-template name="app-entry"/></span>
      </xsl:for-each>
    </span>
  </xsl:template>
  <!-- Each block's entries in two floats: its first half before it, the rest after it, so
       that a block that runs over a page has its first units' entries at the foot of the
       page it begins on and the rest at the foot of the page it ends on. (A float inside a
       block would sink to the block's own foot: Typst lays a paragraph out as a box.) -->
  <xsl:template match="(tei:p | tei:ab | tei:head | tei:l | tei:lg | tei:list | tei:table | tei:quote
      | tei:sp | tei:opener | tei:closer)[tk:keyed(.)][.//tei:app]" priority="5">
    <xsl:param name="tk:foot" as="xs:boolean" tunnel="yes" select="true()"/>
    <xsl:variable name="units" select="if ($tk:foot and empty(ancestor::*[tk:home-kind(.)]) and tk:floated(.))
        then tk:units-of(.) else ()"/>
    <!-- (a block right after a heading has them all after it: Typst keeps a heading with
         the block that follows, moving both to the next page, but not a float between) -->
    <xsl:variable name="half" select="if (preceding-sibling::*[1][self::tei:head]) then 0
        else (count($units) + 1) idiv 2"/>
    <xsl:if test="$half gt 0">
      <xsl:call-template name="app-float">
        <xsl:with-param name="apps" select="subsequence($units, 1, $half) ! tk:with-hidden(.)"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:next-match/>
    <xsl:if test="count($units) gt $half">
      <xsl:call-template name="app-float">
        <xsl:with-param name="apps" select="subsequence($units, $half + 1) ! tk:with-hidden(.)"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>
  <xsl:function name="tk:home-kind" as="xs:boolean">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="exists($el/(self::tei:p | self::tei:ab | self::tei:head | self::tei:lg | self::tei:l
        | self::tei:list | self::tei:table | self::tei:quote | self::tei:sp | self::tei:opener | self::tei:closer))"/>
  </xsl:function>
  <!-- units apart from the text: their entries follow the document -->
  <xsl:template match="tei:app[tk:apart(.)]" priority="2"/>
  <!-- An apparatus stands at the foot of its pages while it is shorter than the text it
       varies from (its readings, and some 20 characters of key and sigla an entry), or
       short enough for one page's foot; one longer than its text (a collation's spine,
       whose text is the variants) could not fit there, page after page (Typst took minutes
       to try): it follows the document, keyed the same way. -->
  <xsl:function name="tk:apparatus-at-foot" as="xs:boolean">
    <xsl:param name="doc" as="element()"/>
    <xsl:variable name="readings" select="sum(($doc//tei:rdg)[empty(ancestor::tei:rdg)] ! string-length(normalize-space(.)))
        + 20 * count($doc//tei:app)"/>
    <xsl:sequence select="$readings le max((3000, string-length(normalize-space(string-join(
        $doc//text()[not(ancestor::tei:rdg or ancestor::tei:teiHeader or ancestor::tei:note or ancestor::tei:witDetail)], ' ')))))"/>
  </xsl:function>
  <!-- The margin keys: a numbered verse line every fifth line and where a unit is; a
       paragraph where its key (section or paragraph number) changes. -->
  <xsl:template match="tei:l[normalize-space(@n)][tk:keyed(.)]">
    <xsl:variable name="n" select="normalize-space(@n)"/>
    <xsl:if test="exists(.//tei:app) or ($n castable as xs:integer and xs:integer($n) mod 5 = 0)">
      <span class="key-margin"><xsl:value-of select="$n"/></span>
    </xsl:if>
    <xsl:next-match/>
  </xsl:template>
  <xsl:template match="tei:p[tk:keyed(.)] | tei:ab[tk:keyed(.)]">
    <xsl:variable name="key" select="tk:block-key(.)"/>
    <xsl:variable name="prev" select="preceding::*[self::tei:p or self::tei:ab][1]"/>
    <xsl:choose>
      <xsl:when test="$prev and tk:keyed($prev) and tk:block-key($prev) = $key"><xsl:next-match/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="out" as="element()*"><xsl:next-match/></xsl:variable>
        <xsl:for-each select="$out">
          <xsl:copy><xsl:sequence select="@*"/><span class="key-margin"><xsl:value-of select="$key"/></span><xsl:sequence select="node()"/></xsl:copy>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <!-- Is a block part of a document with an apparatus (and not a note)? -->
  <xsl:function name="tk:keyed" as="xs:boolean">
    <xsl:param name="block" as="element()"/>
    <!-- (asked of every block: the key answers at once for a file without an apparatus,
         which would otherwise be searched whole for each of its paragraphs) -->
    <xsl:sequence select="$witness = '' and tk:has-apps($block) and empty($block/ancestor::tei:note)
        and empty($block/ancestor::tei:teiHeader) and exists(($block/ancestor::tei:div[@type = 'document'][1], $block/ancestor::tei:text[1])[1]//tei:app)"/>
  </xsl:function>

  <!-- The source edition's page: a bar in the text, the number in the margin; with
       print-facsimile, the page's image as a plate before it (a remote one named by its
       address: a PDF is made without the network). -->
  <xsl:param name="print-facsimile" as="xs:string" select="''"/>
  <xsl:template match="tei:pb">
    <xsl:variable name="ref" select="if ($print-facsimile = 'yes') then tk:facs-ref(.) else ()"/>
    <xsl:if test="exists($ref)">
      <xsl:variable name="s" select="$tk:facs?surfaces?($ref(1))"/>
      <xsl:variable name="label" select="if (normalize-space(@n)) then 'page ' || normalize-space(@n) else 'page ' || $s?label"/>
      <figure class="plate" data-src="{if ($s?kind = 'plate') then $s?src else ''}"
          data-alt="Image of {$label}{if ($s?name) then ' (' || $s?name || ')' else ''}">
        <figcaption>Image of <xsl:value-of select="$label"/>
          <xsl:if test="$s?kind != 'plate' and $s?name">: <xsl:value-of select="$s?name"/></xsl:if>
          <xsl:if test="$s?kind != 'plate' and not($s?name)"> (none)</xsl:if>
        </figcaption>
      </figure>
    </xsl:if>
    <span class="pb-print" id="{tk:id(.)}"><span class="pb-bar">|</span><span class="pb-margin"><xsl:value-of select="if (normalize-space(@n)) then '[Page ' || @n || ']' else '[page break]'"/></span></span>
    <xsl:apply-templates/><!-- (words in a pb, which TEI keeps empty: not lost) -->
  </xsl:template>

  <!-- Hands in print: a siglum where a hand begins and on each addition or deletion. -->
  <xsl:template match="tei:handShift">
    <xsl:variable name="h" select="tk:ref-id(@new)"/>
    <sup class="siglum hand-{tk:hand-index(., $h)}">⸢<xsl:value-of select="tk:siglum(., $h)"/></sup>
    <xsl:apply-templates/>
  </xsl:template>
  <xsl:template match="tei:add | tei:del">
    <xsl:variable name="h" select="tk:hand(.)"/>
    <xsl:variable name="sign" select="if (self::tei:add) then '+' else '−'"/>
    <xsl:element name="{if (self::tei:add) then 'ins' else 'del'}">
      <xsl:attribute name="class" select="string-join((local-name(), if ($h != '') then 'hand hand-' || tk:hand-index(., $h) else ()), ' ')"/>
      <xsl:apply-templates/>
    </xsl:element>
    <sup class="siglum"><xsl:value-of select="$sign || tk:siglum(., $h)"/></sup>
  </xsl:template>
</xsl:stylesheet>
