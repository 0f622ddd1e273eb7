<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI → HTML5 reading edition: one accessible page per document (or every
  document of a volume), footnote marks linked both ways, [Page N] markers,
  hands styled with a legend, editorial matter marked as editorial.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:tk="urn:teikit"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">

  <xsl:import href="common.xsl"/>
  <xsl:include href="facsimile.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"/>

  <!-- The stylesheet inline (css), or linked (css-href: the edition build writes one file). -->
  <xsl:param name="css" as="xs:string" select="''"/>
  <xsl:param name="css-href" as="xs:string" select="''"/>
  <xsl:param name="doc-id" as="xs:string" select="''"/>
  <xsl:param name="prev-href" as="xs:string" select="''"/>
  <xsl:param name="prev-title" as="xs:string" select="''"/>
  <xsl:param name="next-href" as="xs:string" select="''"/>
  <xsl:param name="next-title" as="xs:string" select="''"/>
  <xsl:param name="index-href" as="xs:string" select="''"/>

  <xsl:template match="/">
    <xsl:apply-templates select="." mode="tk:page">
      <xsl:with-param name="nav" tunnel="yes" select="map {'prev-href': $prev-href,
          'prev-title': $prev-title, 'next-href': $next-href, 'next-title': $next-title,
          'index-href': $index-href}"/>
    </xsl:apply-templates>
  </xsl:template>

  <xsl:template name="tk:page-start">
    <xsl:param name="marker" as="xs:string"/>
    <xsl:comment select="$marker"/>
  </xsl:template>

  <xsl:template name="css">
    <xsl:if test="$css-href != ''"><link rel="stylesheet" href="{tk:safe-url($css-href)}"/></xsl:if>
    <xsl:if test="$css != ''"><style><xsl:value-of select="$css"/></style></xsl:if>
  </xsl:template>

  <xsl:template match="/" mode="tk:page">
    <xsl:param name="nav" as="map(xs:string, xs:string)" tunnel="yes" select="map {}"/>
    <xsl:variable name="all" select="tk:documents(.)"/>
    <xsl:variable name="docs" select="if ($doc-id != '') then $all[@xml:id = $doc-id] else $all"/>
    <xsl:variable name="volume" select="$nav?page-kind = 'volume'"/>
    <xsl:variable name="title" select="if ($volume) then $nav?volume-title
        else if (count($docs) = 1) then tk:doc-title($docs) else tk:file-title(.)"/>
    <html lang="{tk:lang(.)}">
      <head>
        <meta charset="UTF-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="teikit"/>
        <title><xsl:value-of select="string-join(($title, $nav?edition-title[. != '']), ' · ')"/></title>
        <xsl:if test="starts-with($nav?canonical, 'http')">
          <link rel="canonical" href="{tk:safe-url($nav?canonical)}"/>
        </xsl:if>
        <xsl:if test="not($volume) and count($docs) = 1">
          <xsl:call-template name="citation-meta">
            <xsl:with-param name="doc" select="$docs"/>
            <xsl:with-param name="title" select="$title"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:if test="$nav?search = 'yes'"><xsl:call-template name="search-meta"/></xsl:if>
        <xsl:call-template name="css"/>
      </head>
      <body>
        <xsl:call-template name="breadcrumb">
          <xsl:with-param name="title" select="$title"/>
          <xsl:with-param name="doc" select="if (count($docs) = 1 and not($volume)) then $docs else ()"/>
        </xsl:call-template>
        <xsl:call-template name="nav"/>
        <div class="page">
          <main>
            <xsl:if test="$nav?search = 'yes'"><xsl:attribute name="data-pagefind-body"/></xsl:if>
            <xsl:if test="$volume">
              <h1 class="volume-head"><xsl:value-of select="$title"/></h1>
              <xsl:call-template name="downloads"/>
            </xsl:if>
            <xsl:call-template name="content">
              <xsl:with-param name="docs" select="$docs"/>
            </xsl:call-template>
            <xsl:if test="$volume"><xsl:call-template name="volume-hands"/></xsl:if>
            <xsl:if test="not($volume) and count($docs) = 1 and $nav?edition-href"><!-- in an edition -->
              <xsl:call-template name="downloads"/>
              <xsl:call-template name="cite">
                <xsl:with-param name="doc" select="$docs"/>
                <xsl:with-param name="title" select="$title"/>
              </xsl:call-template>
            </xsl:if>
          </main>
          <xsl:if test="not($volume)">
            <xsl:call-template name="facsimile-viewer">
              <xsl:with-param name="scope" select="if ($doc-id != '') then $docs else ."/>
            </xsl:call-template>
          </xsl:if>
          <xsl:call-template name="side-list"/>
        </div>
        <xsl:call-template name="nav"/>
        <xsl:if test="$tk:interactive and (exists(//tei:app[not(ancestor::tei:teiHeader)]) or exists(//tei:choice[count(*) gt 1]))">
          <xsl:if test="$views-href != ''"><script src="{tk:safe-url($views-href)}"></script></xsl:if>
          <xsl:if test="$views != ''"><script><xsl:value-of select="$views"/></script></xsl:if>
        </xsl:if>
      </body>
    </html>
  </xsl:template>

  <!-- Edition › volume › document, each a link but the page itself. -->
  <xsl:template name="breadcrumb">
    <xsl:param name="nav" as="map(xs:string, xs:string)" tunnel="yes" select="map {}"/>
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="doc" as="element()?"/>
    <xsl:if test="$nav?edition-href">
      <nav class="breadcrumb" aria-label="Breadcrumb">
        <ol>
          <li><a href="{tk:safe-url($nav?edition-href)}"><xsl:value-of select="$nav?edition-title"/></a></li>
          <xsl:if test="$nav?volume-href and $nav?page-kind != 'volume'">
            <li><a href="{tk:safe-url($nav?volume-href)}"><xsl:value-of select="$nav?volume-title"/></a></li>
          </xsl:if>
          <li aria-current="page"><xsl:value-of select="
              if ($doc/@n) then normalize-space($doc/@n) || '. ' || $title else $title"/></li>
        </ol>
      </nav>
    </xsl:if>
  </xsl:template>

  <!-- The documents around this one in its volume, under their chapters; on a volume's
       own page, its chapters. -->
  <xsl:template name="side-list">
    <xsl:param name="near" as="element()*" tunnel="yes" select="()"/>
    <xsl:param name="parts" as="element()*" tunnel="yes" select="()"/>
    <xsl:param name="nav" as="map(xs:string, xs:string)" tunnel="yes" select="map {}"/>
    <xsl:if test="exists($near)">
      <aside class="side-list" aria-label="In this volume">
        <h2><a href="{tk:safe-url($nav?volume-href)}">In this volume</a></h2>
        <ol>
          <xsl:for-each select="$near">
            <xsl:if test="@part and not(@part = preceding-sibling::near[1]/@part)">
              <li class="side-part"><a href="{tk:safe-url(@part-href)}"><xsl:value-of select="@part"/></a></li>
            </xsl:if>
            <li>
              <xsl:choose>
                <xsl:when test="@current = 'yes'"><strong aria-current="page"><xsl:value-of select="@label"/></strong></xsl:when>
                <xsl:otherwise><a href="{tk:safe-url(@href)}"><xsl:value-of select="@label"/></a></xsl:otherwise>
              </xsl:choose>
              <xsl:if test="@date"><span class="side-date"><xsl:value-of select="@date"/></span></xsl:if>
            </li>
          </xsl:for-each>
        </ol>
        <p><a href="{tk:safe-url($nav?volume-href)}">All documents of the volume</a></p>
      </aside>
    </xsl:if>
    <xsl:if test="exists($parts)">
      <aside class="side-list" aria-label="Chapters">
        <h2>Chapters</h2>
        <ol>
          <xsl:for-each select="$parts">
            <li><a href="{tk:safe-url(@href)}"><xsl:value-of select="@label"/></a></li>
          </xsl:for-each>
        </ol>
      </aside>
    </xsl:if>
  </xsl:template>

  <!-- This page in other forms: plain text, PDF. -->
  <xsl:template name="downloads">
    <xsl:param name="nav" as="map(xs:string, xs:string)" tunnel="yes" select="map {}"/>
    <xsl:if test="$nav?text-href or $nav?pdf-href">
      <p class="downloads" data-pagefind-ignore="">
        <xsl:if test="$nav?pdf-href"><a href="{tk:safe-url($nav?pdf-href)}"><xsl:value-of select="$nav?pdf-label"/></a></xsl:if>
        <xsl:if test="$nav?pdf-href and $nav?text-href"><xsl:text> · </xsl:text></xsl:if>
        <xsl:if test="$nav?text-href"><a href="{tk:safe-url($nav?text-href)}">Plain text</a></xsl:if>
      </p>
    </xsl:if>
  </xsl:template>

  <!-- "Cite this document": volume, number, title, date, address. -->
  <xsl:template name="cite">
    <xsl:param name="nav" as="map(xs:string, xs:string)" tunnel="yes" select="map {}"/>
    <xsl:param name="doc" as="element()"/>
    <xsl:param name="title" as="xs:string"/>
    <xsl:variable name="date" select="($nav?date-label[. != ''], tk:doc-date($doc)[. != ''])[1]"/>
    <section class="cite" aria-label="Cite this document" data-pagefind-ignore="all">
      <h2>Cite this document</h2>
      <p>
        <xsl:value-of select="string-join((
            ($nav?volume-title[. != ''], $nav?edition-title[. != ''])[1],
            if ($doc/@n) then 'Document ' || normalize-space($doc/@n) else (),
            '“' || $title || '”',
            $date), ', ')"/>
        <xsl:text>. </xsl:text>
        <xsl:if test="starts-with($nav?canonical, 'http')"><xsl:value-of select="$nav?canonical"/></xsl:if>
      </p>
    </section>
  </xsl:template>

  <!-- Citation metadata that reference managers read (Highwire Press tags). -->
  <xsl:template name="citation-meta">
    <xsl:param name="nav" as="map(xs:string, xs:string)" tunnel="yes" select="map {}"/>
    <xsl:param name="doc" as="element()"/>
    <xsl:param name="title" as="xs:string"/>
    <xsl:variable name="date" select="tk:doc-date($doc)"/>
    <xsl:variable name="publisher" select="normalize-space((tk:header($doc)/tei:fileDesc/tei:publicationStmt/(tei:publisher, tei:authority))[1])"/>
    <meta name="citation_title" content="{$title}"/>
    <xsl:if test="matches($date, '^\d{4}')">
      <meta name="citation_date" content="{replace(substring($date, 1, 10), '-', '/')}"/>
    </xsl:if>
    <xsl:for-each select="tk:header($doc)/tei:fileDesc/tei:titleStmt/tei:author[normalize-space()]">
      <meta name="citation_author" content="{normalize-space(.)}"/>
    </xsl:for-each>
    <xsl:if test="$nav?volume-title or $nav?edition-title">
      <meta name="citation_inbook_title" content="{($nav?volume-title[. != ''], $nav?edition-title)[1]}"/>
    </xsl:if>
    <xsl:if test="$publisher"><meta name="citation_publisher" content="{$publisher}"/></xsl:if>
    <meta name="citation_language" content="{tk:lang($doc)}"/>
    <xsl:if test="starts-with($nav?canonical, 'http')">
      <meta name="citation_public_url" content="{$nav?canonical}"/>
    </xsl:if>
  </xsl:template>

  <!-- What the search index shows of a document and filters it by (Pagefind reads these). -->
  <xsl:template name="search-meta">
    <xsl:param name="nav" as="map(xs:string, xs:string)" tunnel="yes" select="map {}"/>
    <meta data-pagefind-meta="title[content]" content="{$nav?search-title}"/>
    <xsl:if test="$nav?volume-title">
      <meta data-pagefind-meta="volume[content]" content="{$nav?volume-title}"/>
      <meta data-pagefind-filter="volume[content]" content="{$nav?volume-title}"/>
    </xsl:if>
    <xsl:if test="$nav?date-label"><meta data-pagefind-meta="date[content]" content="{$nav?date-label}"/></xsl:if>
    <xsl:if test="$nav?year"><meta data-pagefind-filter="year[content]" content="{$nav?year}"/></xsl:if>
    <xsl:if test="$nav?doc-type"><meta data-pagefind-filter="type[content]" content="{$nav?doc-type}"/></xsl:if>
  </xsl:template>

  <!-- On a volume's page: every hand declared in it (documents' legends link here). -->
  <xsl:template name="volume-hands">
    <xsl:variable name="notes" select="tk:header(.)/tei:profileDesc/tei:handNotes/tei:handNote[@xml:id]"/>
    <xsl:if test="exists($notes)">
      <aside class="hands" id="hands" aria-label="Hands">
        <h2>Hands in this volume</h2>
        <dl>
          <xsl:for-each select="$notes">
            <dt><span class="hand-swatch hand-{tk:hand-index(., @xml:id)}"><xsl:value-of select="@xml:id"/></span></dt>
            <dd><xsl:value-of select="tk:hand-label(., @xml:id)"/></dd>
          </xsl:for-each>
        </dl>
      </aside>
    </xsl:if>
  </xsl:template>

  <!-- The page's text: one document of a volume (doc-id), or the whole file with all its
       matter; hands are looked up only when the file marks any. Context: the root. -->
  <xsl:template name="content">
    <xsl:param name="docs" as="element()*"/>
    <xsl:choose>
      <xsl:when test="$doc-id != ''">
        <xsl:apply-templates select="$docs" mode="document">
          <xsl:with-param name="has-hands" select="tk:has-hands(.)" tunnel="yes"/>
        </xsl:apply-templates>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="/*" mode="root">
          <xsl:with-param name="has-hands" select="tk:has-hands(.)" tunnel="yes"/>
        </xsl:apply-templates>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A whole file, whatever it holds: its text (documents as articles), and a documentary
       transcription (sourceDoc), registers (standOff) or page images (facsimile zones)
       beside or instead of it; a corpus, TEI by TEI; a file whose root is not TEI (an
       included page, a register) as one article. Nothing outside the header is left out. -->
  <xsl:template match="tei:TEI" mode="root">
    <xsl:variable name="rest" select="* except (tei:teiHeader, tei:text)"/>
    <xsl:apply-templates select="tei:text" mode="whole"/>
    <xsl:choose>
      <xsl:when test="empty(tei:text)"><xsl:apply-templates select="." mode="document"/></xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="$rest[normalize-space()]" mode="document">
          <xsl:with-param name="bare" select="true()"/>
        </xsl:apply-templates>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="tei:teiCorpus" mode="root">
    <xsl:apply-templates select="tei:TEI | tei:teiCorpus" mode="root"/>
  </xsl:template>
  <xsl:template match="*" mode="root">
    <xsl:apply-templates select="." mode="document"/>
  </xsl:template>

  <!-- Are hands marked anywhere in this file (else text needs no hand lookups)? -->
  <xsl:function name="tk:has-hands" as="xs:boolean">
    <xsl:param name="root" as="node()"/>
    <xsl:sequence select="exists(root($root)//tei:handShift) or exists(root($root)//tei:text//*[@hand])"/>
  </xsl:function>

  <xsl:template name="nav">
    <xsl:param name="nav" as="map(xs:string, xs:string)" tunnel="yes" select="map {}"/>
    <xsl:if test="$nav?prev-href or $nav?next-href or $nav?index-href">
      <nav class="docnav" aria-label="Documents">
        <span class="prev">
          <xsl:if test="$nav?prev-href">
            <a rel="prev" href="{tk:safe-url($nav?prev-href)}">← <xsl:value-of select="tk:short($nav?prev-title)"/></a>
          </xsl:if>
        </span>
        <xsl:if test="$nav?index-href">
          <a href="{tk:safe-url($nav?index-href)}">Contents</a>
        </xsl:if>
        <span class="next">
          <xsl:if test="$nav?next-href">
            <a rel="next" href="{tk:safe-url($nav?next-href)}"><xsl:value-of select="tk:short($nav?next-title)"/> →</a>
          </xsl:if>
        </span>
      </nav>
    </xsl:if>
  </xsl:template>

  <!-- A title short enough for a navigation link (the whole one in its tooltip elsewhere). -->
  <xsl:function name="tk:short" as="xs:string">
    <xsl:param name="title" as="xs:string?"/>
    <xsl:variable name="t" select="normalize-space($title)"/>
    <xsl:sequence select="if (string-length($t) le 70) then $t
        else replace(substring($t, 1, 70), '\s+\S*$', '') || '…'"/>
  </xsl:function>

  <!-- The whole text: documents as articles, everything around them kept. -->
  <xsl:template match="tei:text" mode="whole">
    <xsl:choose>
      <xsl:when test=".//tei:div[@type = 'document']"><xsl:apply-templates/></xsl:when>
      <xsl:otherwise><xsl:apply-templates select="." mode="document"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="tei:div[@type = 'document']" priority="2">
    <xsl:apply-templates select="." mode="document"/>
  </xsl:template>
  <xsl:template match="tei:front | tei:back | tei:body | tei:group">
    <div class="{local-name()}"><xsl:apply-templates/></div>
  </xsl:template>

  <!-- One document: metadata, text, notes, hands. -->
  <xsl:template match="*" mode="document">
    <xsl:param name="bare" as="xs:boolean" select="false()"/><!-- a part beside the text -->
    <article class="document" id="{tk:id(.)}">
      <xsl:if test="not($bare)"><xsl:call-template name="metadata"/></xsl:if>
      <xsl:call-template name="views"/>
      <xsl:apply-templates select="node()"/>
      <xsl:call-template name="notes"/>
      <xsl:call-template name="apparatus"/>
      <xsl:call-template name="hand-legend"/>
    </article>
  </xsl:template>

  <xsl:template name="metadata">
    <xsl:variable name="date" select="tk:doc-date(.)"/>
    <xsl:variable name="class" select="(.//tei:seg[@type = 'classification'])[1]"/>
    <xsl:variable name="source" select="tk:header(.)/tei:fileDesc/tei:sourceDesc[1]"/>
    <xsl:variable name="short" select="tk:source-line(.)"/>
    <dl class="metadata">
      <dt>Title</dt><dd><xsl:value-of select="tk:doc-title(.)"/></dd>
      <xsl:if test="@n"><dt>Document</dt><dd><xsl:value-of select="@n"/></dd></xsl:if>
      <xsl:variable name="printed" select="normalize-space((.//tei:dateline//tei:date[@when = $date])[1])"/>
      <xsl:if test="$date != ''"><dt>Date</dt><dd><time datetime="{$date}"><xsl:value-of select="if ($printed) then $printed else $date"/></time></dd></xsl:if>
      <xsl:if test="$class"><dt>Classification</dt><dd><xsl:value-of select="tk:plain($class)"/></dd></xsl:if>
      <xsl:if test="$short != ''"><dt>Source</dt><dd><xsl:value-of select="$short"/></dd></xsl:if>
    </dl>
    <!-- the whole description when it says more than the line: a manuscript's, witnesses -->
    <xsl:if test="$source/(tei:msDesc | tei:listWit | tei:listBibl | tei:biblStruct | tei:biblFull
        | tei:recordingStmt | tei:scriptStmt) or count($source/*) gt 1">
      <details class="source-description">
        <summary>Full description of the source</summary>
        <xsl:apply-templates select="$source/node()"/>
      </details>
    </xsl:if>
  </xsl:template>

  <!-- Anything with an xml:id can be pointed at (from this page or another): its HTML
       keeps the id, on its own element when it makes one, else on an empty anchor before
       it. (div, pb, note and anchor place their ids themselves.) -->
  <xsl:template match="tei:*[@xml:id][ancestor::tei:text or ancestor::tei:sourceDoc or ancestor::tei:standOff
      or ancestor::tei:sourceDesc]
      [not(self::tei:div or self::tei:pb or self::tei:note or self::tei:anchor)]" priority="50">
    <xsl:variable name="out"><xsl:next-match/></xsl:variable>
    <xsl:variable name="id" select="string(@xml:id)"/>
    <xsl:choose>
      <xsl:when test="$out/*[1]/@id = $id"><xsl:sequence select="$out/node()"/></xsl:when>
      <xsl:when test="count($out/node()) = 1 and $out/*[not(@id)]">
        <xsl:for-each select="$out/*">
          <xsl:copy><xsl:attribute name="id" select="$id"/><xsl:sequence select="@*, node()"/></xsl:copy>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise><span class="target" id="{$id}"/><xsl:sequence select="$out/node()"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Structure -->
  <xsl:template match="tei:teiHeader[not(ancestor::tei:text)]"/>
  <xsl:template match="tei:div">
    <section class="div {@type}">
      <xsl:if test="@xml:id"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
      <xsl:apply-templates/>
    </section>
  </xsl:template>
  <xsl:template match="tei:div[@type = 'document']/tei:head[1]">
    <h1 class="doc-head"><xsl:if test="normalize-space(../@n)"><span class="doc-number"><xsl:value-of
        select="normalize-space(../@n)"/>. </span></xsl:if><xsl:apply-templates/></h1>
  </xsl:template>
  <xsl:template match="tei:head">
    <xsl:variable name="depth" select="min((count(ancestor::tei:div[not(@type = 'document')]) + 2, 6))"/>
    <xsl:element name="h{$depth}"><xsl:attribute name="class" select="'head'"/><xsl:apply-templates/></xsl:element>
  </xsl:template>
  <xsl:template match="tei:list/tei:head">
    <p class="list-head"><xsl:apply-templates/></p>
  </xsl:template>
  <xsl:template match="tei:p | tei:ab">
    <p><xsl:call-template name="lang"/><xsl:apply-templates/></p>
  </xsl:template>
  <!-- Dictionaries (common.xsl says how an entry reads): an entry a block, its headword
       bold, each sense a block with its number, grammar and labels in italics. -->
  <xsl:template match="tei:superEntry | tei:entry[not(ancestor::tei:standOff)] | tei:entryFree
      | tei:hom | tei:re">
    <div class="dict-{local-name()}"><xsl:call-template name="lang"/>
      <xsl:if test="normalize-space(@n) and (parent::tei:superEntry or parent::tei:entry)">
        <sup class="hom-number"><xsl:value-of select="normalize-space(@n)"/></sup></xsl:if>
      <xsl:apply-templates/>
    </div>
  </xsl:template>
  <xsl:template match="tei:sense">
    <div class="sense"><xsl:call-template name="lang"/>
      <xsl:variable name="label" select="tk:sense-label(.)"/>
      <xsl:if test="$label != ''"><strong class="sense-number"><xsl:value-of select="$label"/>. </strong></xsl:if>
      <xsl:apply-templates/>
    </div>
  </xsl:template>
  <xsl:template match="tei:form[tk:in-entry(.)][not(preceding-sibling::tei:form)]
      [parent::*[local-name() = ('entry', 'entryFree', 'superEntry', 'hom', 're')]]" priority="1">
    <xsl:value-of select="tk:dict-space(.)"/>
    <strong class="form headword"><xsl:call-template name="lang"/><xsl:apply-templates/></strong>
  </xsl:template>
  <xsl:template match="tei:pron[tk:in-entry(.)]" priority="1">
    <xsl:value-of select="tk:dict-space(.)"/>
    <span class="pron">/<xsl:apply-templates/>/</span>
  </xsl:template>
  <xsl:template match="(tei:gramGrp | tei:usg | tei:lbl)[tk:in-entry(.)]" priority="1">
    <xsl:value-of select="tk:dict-space(.)"/>
    <em class="{local-name()}"><xsl:apply-templates/></em>
  </xsl:template>
  <xsl:template match="tei:etym[tk:in-entry(.)]" priority="1">
    <xsl:value-of select="tk:dict-space(.)"/>
    <span class="etym">[<xsl:apply-templates/>]</span>
  </xsl:template>
  <xsl:template match="tei:cit[@type = 'example'][tk:in-entry(.)]" priority="1">
    <xsl:value-of select="tk:dict-space(.)"/>
    <em class="cit example"><xsl:call-template name="lang"/><xsl:apply-templates/></em>
  </xsl:template>
  <xsl:template match="tei:*[local-name() = $tk:dict-parts][tk:in-entry(.)]" priority="0.8">
    <xsl:value-of select="tk:dict-space(.)"/>
    <span class="{string-join((local-name(), @type ! replace(., '[^A-Za-z0-9-]', '')), ' ')}"><xsl:call-template
        name="lang"/><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="tei:opener | tei:closer">
    <div class="{local-name()}"><xsl:apply-templates/></div>
  </xsl:template>
  <xsl:template match="tei:seg[@type = 'classification']">
    <p class="classification"><xsl:apply-templates/></p>
  </xsl:template>
  <xsl:template match="tei:dateline | tei:salute | tei:signed | tei:byline | tei:docAuthor[parent::tei:div]">
    <p class="{local-name()}"><xsl:apply-templates/></p>
  </xsl:template>
  <xsl:template match="tei:list[@type = 'subject']">
    <ul class="subject"><xsl:call-template name="list-items"/></ul>
  </xsl:template>
  <xsl:template match="tei:list">
    <xsl:apply-templates select="tei:head"/>
    <xsl:element name="{if (@rend = ('numbered', 'ordered') or @type = 'ordered') then 'ol' else 'ul'}">
      <xsl:attribute name="class" select="string-join(('list', @type), ' ')"/>
      <xsl:call-template name="list-items"/>
    </xsl:element>
  </xsl:template>
  <!-- A list holds only items (HTML and assistive technology count its children as its
       items): what stands between a list's items in TEI (a page break, a milestone, a
       note, text) goes into the item after it; what follows the last item, into that one. -->
  <xsl:template name="list-items">
    <xsl:variable name="entries" select="tei:item | tei:label"/>
    <xsl:variable name="after-last" select="$entries[last()]/following-sibling::node()"/>
    <xsl:choose>
      <xsl:when test="empty($entries)">
        <xsl:if test="(node() except tei:head)[self::* or normalize-space()]">
          <li><xsl:apply-templates select="node() except tei:head"/></li>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:for-each-group select="node() except (tei:head, $after-last)"
            group-ending-with="tei:item | tei:label">
          <xsl:apply-templates select="current-group()[last()]">
            <xsl:with-param name="before" select="current-group()[position() lt last()]"/>
            <xsl:with-param name="after" select="if (position() = last()) then $after-last else ()"/>
          </xsl:apply-templates>
        </xsl:for-each-group>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="tei:item">
    <xsl:param name="before" as="node()*" select="()"/>
    <xsl:param name="after" as="node()*" select="()"/>
    <li><xsl:apply-templates select="$before, node(), $after"/></li>
  </xsl:template>
  <xsl:template match="tei:label[parent::tei:list]">
    <xsl:param name="before" as="node()*" select="()"/>
    <xsl:param name="after" as="node()*" select="()"/>
    <li class="label"><xsl:apply-templates select="$before, node(), $after"/></li>
  </xsl:template>
  <xsl:template match="tei:table">
    <table><xsl:apply-templates select="tei:head"/><tbody><xsl:apply-templates select="node() except tei:head"/></tbody></table>
  </xsl:template>
  <xsl:template match="tei:table/tei:head"><caption><xsl:apply-templates/></caption></xsl:template>
  <xsl:template match="tei:row"><tr><xsl:apply-templates/></tr></xsl:template>
  <xsl:template match="tei:cell">
    <xsl:element name="{if (@role = 'label' or ../@role = 'label') then 'th' else 'td'}">
      <xsl:if test="@cols"><xsl:attribute name="colspan" select="@cols"/></xsl:if>
      <xsl:if test="@rows"><xsl:attribute name="rowspan" select="@rows"/></xsl:if>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>
  <xsl:template match="tei:quote[tei:p | tei:lg] | tei:floatingText | tei:lg">
    <blockquote class="{local-name()}"><xsl:apply-templates/></blockquote>
  </xsl:template>
  <xsl:template match="tei:l"><span class="l"><xsl:apply-templates/></span><br/></xsl:template>
  <xsl:template match="tei:figure">
    <figure><xsl:apply-templates/></figure>
  </xsl:template>
  <xsl:template match="tei:figure/tei:head"><figcaption><xsl:apply-templates/></figcaption></xsl:template>
  <xsl:template match="tei:graphic">
    <xsl:variable name="src" select="tk:safe-url(@url)"/>
    <xsl:if test="$src != ''"><img src="{$src}" alt="{normalize-space(../tei:figDesc)}"/></xsl:if>
    <xsl:if test="$src = '' and @url"><span class="unsafe-link" title="image not shown: unsafe address">[image]</span></xsl:if>
  </xsl:template>
  <xsl:template match="tei:figDesc"><span class="figdesc"><xsl:apply-templates/></span></xsl:template>

  <!-- Pages -->
  <xsl:template match="tei:pb">
    <xsl:variable name="href" select="tk:facs-link(.)"/>
    <xsl:variable name="ref" select="tk:facs-ref(.)"/>
    <xsl:variable name="label" select="if (normalize-space(@n)) then '[Page ' || @n || ']'
        else if ($href != '' or exists($ref)) then '[page image]' else '[page break]'"/>
    <xsl:element name="{if ($href != '') then 'a' else 'span'}">
      <xsl:attribute name="class" select="'pb'"/>
      <xsl:attribute name="id" select="tk:id(.)"/>
      <xsl:if test="$href != ''"><xsl:attribute name="href" select="$href"/></xsl:if>
      <xsl:attribute name="role" select="'doc-pagebreak'"/>
      <xsl:attribute name="aria-label" select="'Page ' || @n || (if ($href != '') then ', page image' else '')"/>
      <xsl:if test="@facs and $href = ''"><xsl:attribute name="title" select="'image ' || @facs"/></xsl:if>
      <xsl:if test="exists($ref)">
        <xsl:attribute name="data-surface" select="$ref(1)"/>
        <xsl:if test="$ref(2) != ''"><xsl:attribute name="data-zone" select="$ref(2)"/></xsl:if>
      </xsl:if>
      <xsl:value-of select="$label"/>
    </xsl:element>
  </xsl:template>
  <xsl:template match="tei:lb"><br/></xsl:template>
  <xsl:template match="tei:cb | tei:milestone"/>

  <!-- Notes: a mark where the note stands (or at the anchor its @target names), the text at
       the end of the document. -->
  <xsl:key name="note-target" match="tei:note[@target]" use="tokenize(@target) ! tk:ref-id(.)"/>
  <xsl:template match="tei:note[tk:anchored(.)]"/>
  <xsl:key name="app-end" match="tei:app[@to]" use="tk:ref-id(@to)"/>
  <xsl:template match="tei:anchor">
    <span class="anchor" id="{tk:id(.)}"/>
    <xsl:if test="$witness = ''">
      <xsl:for-each select="key('app-end', string(@xml:id))">
        <a class="app-mark" href="#{tk:id(.)}-entry" data-pagefind-ignore="" aria-label="Variants ({tk:app-key(.)})">°</a>
      </xsl:for-each>
    </xsl:if>
    <xsl:apply-templates select="key('note-target', string(@xml:id))[tk:anchored(.)]" mode="mark"/>
  </xsl:template>
  <!-- Is a note marked at an anchor elsewhere (its @target names one in this file)? -->
  <xsl:function name="tk:anchored" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:variable name="first" select="tk:ref-id(tokenize($note/@target)[1])"/>
    <xsl:sequence select="$note/@target and starts-with(normalize-space($note/@target), '#')
        and exists(key('id', $first, root($note))/self::tei:anchor)"/>
  </xsl:function>
  <xsl:template match="tei:note" mode="mark">
    <xsl:variable name="id" select="tk:id(.)"/>
    <xsl:variable name="label" select="tk:note-label(.)"/>
    <sup class="note-mark"><a href="#{$id}" id="{$id}-ref" role="doc-noteref"
        aria-label="Note {$label}"><xsl:value-of select="$label"/></a></sup>
  </xsl:template>
  <xsl:template match="tei:note">
    <xsl:variable name="id" select="tk:id(.)"/>
    <xsl:variable name="label" select="tk:note-label(.)"/>
    <sup class="note-mark"><a href="#{$id}" id="{$id}-ref" role="doc-noteref"
        aria-label="Note {$label}"><xsl:value-of select="$label"/></a></sup>
  </xsl:template>
  <xsl:template match="tei:note[@place = 'inline' or @rend = 'inline']">
    <span class="note-inline"><xsl:apply-templates/></span>
  </xsl:template>
  <!-- A note in the header's description of the source (shown above the text) stands
       where it is: the document's notes below are the text's, numbered in it. -->
  <xsl:template match="tei:teiHeader//tei:note" priority="1">
    <span class="note-inline">[<xsl:apply-templates/>]</span>
  </xsl:template>

  <!-- The notes listed at the end of a document (inline notes stand in the text, an
       apparatus entry's notes in that entry). -->
  <xsl:function name="tk:listed-notes" as="element(tei:note)*">
    <xsl:param name="scope" as="element()"/>
    <xsl:sequence select="$scope//tei:note[not(@place = 'inline' or @rend = 'inline' or (tk:has-apps(.) and tk:of-app(.)))]"/>
  </xsl:function>
  <xsl:template name="notes">
    <xsl:variable name="notes" select="tk:listed-notes(.)"/>
    <xsl:if test="$notes">
      <section class="notes" role="doc-endnotes" aria-label="Notes">
        <h2>Notes</h2>
        <ol>
          <xsl:for-each select="$notes">
            <xsl:variable name="id" select="tk:id(.)"/>
            <xsl:variable name="label" select="tk:note-label(.)"/>
            <!-- no role: DPUB-ARIA 1.1 deprecates doc-endnote; an li of doc-endnotes is one -->
            <li id="{$id}" class="note {@type}">
              <span class="note-label"><xsl:value-of select="$label"/><xsl:if test="not(@type = 'source' and $label = 'Source')">.</xsl:if></span>
              <xsl:text> </xsl:text>
              <div class="note-body"><xsl:apply-templates mode="note-body"/></div>
              <xsl:text> </xsl:text>
              <a href="#{$id}-ref" class="backlink" role="doc-backlink" data-pagefind-ignore="" aria-label="Back to the text">↩</a>
            </li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>
  <!-- Inside a note's text: nested notes become marks too; everything else as usual. -->
  <xsl:template match="node()" mode="note-body">
    <xsl:apply-templates select="."/>
  </xsl:template>

  <!-- Hands: a legend of the hands this document uses (not every hand of its volume). -->
  <xsl:template name="hand-legend">
    <xsl:param name="nav" as="map(xs:string, xs:string)" tunnel="yes" select="map {}"/>
    <xsl:variable name="used" select="distinct-values((.//tei:handShift/@new, .//@hand) ! tk:ref-id(.))[. != '']"/>
    <xsl:variable name="declared" select="tk:header(.)/tei:profileDesc/tei:handNotes/tei:handNote[@xml:id = $used]"/>
    <xsl:if test="exists($used)">
      <aside class="hands" aria-label="Hands">
        <h2>Hands</h2>
        <dl>
          <xsl:for-each select="$declared">
            <dt><span class="hand-swatch hand-{tk:hand-index(., @xml:id)}"><xsl:value-of select="tk:siglum(., @xml:id)"/></span></dt>
            <dd><xsl:value-of select="tk:hand-label(., @xml:id)"/></dd>
          </xsl:for-each>
          <xsl:for-each select="$used[not(. = $declared/@xml:id)]">
            <dt><span class="hand-swatch hand-6"><xsl:value-of select="."/></span></dt>
            <dd>undeclared hand</dd>
          </xsl:for-each>
        </dl>
        <xsl:if test="$nav?volume-hands and count(tk:header(.)/tei:profileDesc/tei:handNotes/tei:handNote)
            gt count($declared)">
          <p><a href="{tk:safe-url($nav?volume-hands)}">All hands of this volume</a></p>
        </xsl:if>
      </aside>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:handShift">
    <xsl:variable name="h" select="tk:ref-id(@new)"/>
    <xsl:variable name="scribe" select="key('id', tk:ref-id(@scribe), root(.))[1]"/>
    <xsl:variable name="who" select="if ($h != '') then tk:hand-label(., $h)
        else string-join((if ($scribe) then tk:plain(($scribe/(tei:persName, tei:name), $scribe)[1])
            else tk:ref-id(@scribe), @medium, @script) ! normalize-space(.)[. != ''], ', ')"/>
    <span class="handshift hand-{tk:hand-index(., $h)}" data-hand="{$h}"
        title="From here: {$who}" role="note" aria-label="hand changes to {$who}">⸢<xsl:value-of select="if ($h != '') then $h else $who"/></span>
  </xsl:template>

  <xsl:template match="tei:add | tei:del">
    <xsl:variable name="h" select="tk:hand(.)"/>
    <xsl:variable name="who" select="if ($h != '') then ' by ' || tk:hand-label(., $h) else ''"/>
    <xsl:element name="{if (self::tei:add) then 'ins' else 'del'}">
      <xsl:attribute name="class" select="string-join((local-name(), if ($h != '') then 'hand hand-' || tk:hand-index(., $h) else ()), ' ')"/>
      <xsl:if test="$h != ''"><xsl:attribute name="data-hand" select="$h"/></xsl:if>
      <xsl:attribute name="title" select="(if (self::tei:add) then 'Added' else 'Deleted') || $who"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="text()">
    <xsl:param name="has-hands" as="xs:boolean" tunnel="yes" select="true()"/>
    <xsl:choose>
      <xsl:when test="$has-hands and normalize-space(.) and not(parent::tei:add or parent::tei:del)">
        <xsl:variable name="h" select="tk:hand(.)"/>
        <xsl:choose>
          <xsl:when test="$h != ''">
            <span class="hand hand-{tk:hand-index(., $h)}" data-hand="{$h}" title="{tk:hand-label(., $h)}"><xsl:value-of select="."/></span>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Editorial matter -->
  <xsl:template match="tei:gap">
    <span class="gap editorial" title="{string-join(('omitted', @reason ! replace(., '-', ' ')), ': ')}">[<xsl:value-of
        select="if (normalize-space(tei:desc)) then normalize-space(tei:desc)
                else string-join(('gap', @quantity, @unit), ' ')"/>]</span>
  </xsl:template>
  <xsl:template match="tei:supplied">
    <span class="supplied editorial">[<xsl:apply-templates/>]</span>
  </xsl:template>
  <xsl:template match="tei:unclear">
    <span class="unclear" title="unclear">[<xsl:apply-templates/>?]</span>
  </xsl:template>
  <!-- A choice: the form the reading view asks for (normalized or diplomatic), the other
       on hover; on the web both, one hidden, for the page's switch between the views. -->
  <xsl:template match="tei:choice">
    <xsl:param name="tk:copy" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="shown" select="tk:choice-shown(.)"/>
    <xsl:variable name="other" select="tk:choice-other(.)"/>
    <span class="choice" title="{normalize-space($other)}">
      <xsl:choose>
        <xsl:when test="$tk:interactive and not($tk:copy) and $other">
          <xsl:for-each select="$shown, $other">
            <span class="{if (self::tei:sic or self::tei:orig or self::tei:abbr) then 'dipl' else 'norm'}">
              <xsl:if test=". is $other"><xsl:attribute name="hidden"/><xsl:attribute name="data-pagefind-ignore"/></xsl:if>
              <xsl:apply-templates select="node()"/>
            </span>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise><xsl:apply-templates select="$shown/node()"/></xsl:otherwise>
      </xsl:choose>
      <xsl:apply-templates select="text()[normalize-space()]"/>
    </span>
  </xsl:template>

  <!-- ==== The critical apparatus (the choice of reading: apparatus.xsl) ==== -->

  <!-- The switch between views (views.js): inline (views), or linked (views-href: the
       edition build writes one file). -->
  <xsl:param name="views" as="xs:string" select="''"/>
  <xsl:param name="views-href" as="xs:string" select="''"/>

  <!-- A document's views: which witness's text (when its readings cite witnesses), and
       which spelling (when it has choices); shown by the script (without it, the page is
       the critical text in the view it was made in). -->
  <xsl:template name="views">
    <xsl:variable name="doc" select="."/>
    <xsl:variable name="witnesses" select="if ($tk:interactive) then tk:cited-witnesses(.) else ()"/>
    <xsl:variable name="choices" select="$tk:interactive and exists(.//tei:choice[count(*) gt 1])"/>
    <xsl:if test="$witness != '' and exists(tk:apps-in(.))">
      <p class="witness-head">Text of witness <xsl:value-of select="tk:witness-label(., $witness)"/></p>
    </xsl:if>
    <xsl:if test="exists($witnesses) or $choices">
      <form class="views" hidden="" data-pagefind-ignore="" aria-label="Reading views">
        <xsl:if test="exists($witnesses)">
          <label>Text <select name="witness">
            <option value="">Critical text, with apparatus</option>
            <xsl:for-each select="$witnesses">
              <option value="{.}"><xsl:if test=". = $witness"><xsl:attribute name="selected"/></xsl:if>
                <xsl:value-of select="'Witness ' || tk:witness-label($doc, .)"/></option>
            </xsl:for-each>
          </select></label>
        </xsl:if>
        <xsl:if test="$choices">
          <label>Spelling <select name="view">
            <option value="normalized">Normalized (corrected, expanded)</option>
            <option value="diplomatic"><xsl:if test="$tk:diplomatic"><xsl:attribute name="selected"/></xsl:if>Diplomatic (as written)</option>
          </select></label>
        </xsl:if>
        <p class="views-note" hidden="">This is one witness's text: where the apparatus lists no reading for it, the
          critical text's. The apparatus below describes the critical text.</p>
      </form>
    </xsl:if>
  </xsl:template>

  <!-- Pages that let a reader switch views (a browser); print shows one view, fixed. -->
  <xsl:variable name="tk:interactive" as="xs:boolean" select="true()"/>

  <!-- A variation unit: the reading the view shows, and a mark leading to its entry in the
       apparatus. On the web every reading is there, the others hidden, so that the page's
       witness switch can show what any witness reads. -->
  <!-- A unit apart from the text (apparatus.xsl, tk:apart): only its entry; a mark at the
       anchor that ends its place (double-end-point) leads there. -->
  <xsl:template match="tei:app[tk:apart(.)]" priority="2"/>
  <xsl:template match="tei:app">
    <xsl:param name="tk:copy" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="shown" select="tk:shown(.)"/>
    <xsl:variable name="lemma" select="tk:lemma(.)"/>
    <xsl:variable name="id" select="tk:id(.)"/>
    <span class="app">
      <xsl:if test="not($tk:copy)"><xsl:attribute name="id" select="$id"/></xsl:if>
      <xsl:for-each select="if ($tk:interactive and not($tk:copy) and $witness = '') then tk:readings(.) else $shown">
        <span class="{string-join(('rdg', if (. is $lemma) then 'lem' else ()), ' ')}" data-wit="{string-join(tk:wits(.), ' ')}">
          <xsl:if test="not(. is $shown)"><xsl:attribute name="hidden"/><xsl:attribute name="data-pagefind-ignore"/></xsl:if>
          <xsl:if test="@xml:id and . is $shown and not($tk:copy)"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
          <xsl:choose>
            <xsl:when test=". is $shown"><xsl:apply-templates/></xsl:when>
            <xsl:otherwise>
              <xsl:variable name="out" as="node()*"><xsl:apply-templates/></xsl:variable>
              <xsl:apply-templates select="$out" mode="tk:no-ids"/>
            </xsl:otherwise>
          </xsl:choose>
        </span>
      </xsl:for-each>
      <!-- words in the unit outside any reading (not TEI's way, but kept) -->
      <xsl:apply-templates select="node()[not(self::tei:lem or self::tei:rdg or self::tei:rdgGrp
          or self::tei:note or self::tei:witDetail)][normalize-space()]"/>
      <xsl:if test="$witness = '' and not($tk:copy)">
        <a class="app-mark" href="#{$id}-entry" data-pagefind-ignore="" aria-label="Variants ({tk:app-key(.)})">°</a>
      </xsl:if>
    </span>
  </xsl:template>

  <!-- Where a witness begins or ends, or has a gap in its text. -->
  <xsl:template match="tei:witStart | tei:witEnd | tei:lacunaStart | tei:lacunaEnd">
    <span class="wit-event editorial">[<xsl:value-of select="tk:wit-event(.)"/>]</span>
  </xsl:template>

  <!-- The apparatus of a document: one entry per unit, keyed by line, section or
       paragraph, in the conventional form "key lemma] sigla; variant sigla; …"; each
       entry and its unit link to each other. Not in a witness view (the text is then a
       witness's, which the apparatus does not describe). -->
  <xsl:template name="apparatus"><xsl:call-template name="apparatus-section"/></xsl:template>
  <xsl:template name="apparatus-section">
    <!-- (a witness view keeps the units apart from the text: only they say what it reads) -->
    <xsl:param name="apps" select="tk:apps-in(.)[$witness = '' or tk:apart(.)]"/>
    <xsl:if test="exists($apps)">
      <section class="apparatus" aria-label="Critical apparatus">
        <h2>Apparatus</h2>
        <ol class="app-entries">
          <xsl:for-each select="$apps">
            <xsl:variable name="unit" select="if (tk:apart(.)) then (@from ! tk:ref-id(.), tk:id(.))[1]
                else tk:id(tk:unit-in-text(.))"/>
            <li id="{tk:id(.)}-entry" class="app-entry" data-unit="{$unit}">
              <xsl:choose>
                <xsl:when test="tk:apart(.) and empty(@from)"><strong class="app-key"><xsl:value-of select="tk:app-key(.)"/></strong></xsl:when>
                <xsl:otherwise><a class="app-key" href="#{$unit}" aria-label="{tk:app-key(.)}: back to the text"><xsl:value-of select="tk:app-key(.)"/></a></xsl:otherwise>
              </xsl:choose>
              <xsl:text> </xsl:text>
              <xsl:call-template name="app-entry"/>
            </li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- An entry's text: the lemma (a long one as its first and last words), "]", then each
       reading with the witnesses and sources that read it, its kind, its details (witDetail)
       and the unit's notes. An empty lemma: the readings add ("add."); an empty reading
       omits ("om."). Context: the app. -->
  <xsl:template name="app-entry">
    <xsl:variable name="app" select="."/>
    <xsl:variable name="lemma" select="tk:lemma(.)"/>
    <xsl:variable name="words" select="tokenize(tk:plain($lemma))"/>
    <xsl:variable name="adds" select="$lemma and tk:empty-reading($lemma)"/>
    <xsl:choose>
      <xsl:when test="tk:events-only(.)">
        <xsl:for-each select="tk:readings(.)">
          <xsl:if test="position() gt 1">; </xsl:if>
          <xsl:call-template name="app-copy"><xsl:with-param name="nodes" select="node()"/></xsl:call-template>
        </xsl:for-each>
        <xsl:call-template name="app-notes"/>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="app-variants"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template name="app-variants">
    <xsl:variable name="app" select="."/>
    <xsl:variable name="lemma" select="tk:lemma(.)"/>
    <xsl:variable name="words" select="tokenize(tk:plain($lemma))"/>
    <xsl:variable name="adds" select="$lemma and tk:empty-reading($lemma)"/>
    <span class="app-lem">
      <xsl:choose>
        <xsl:when test="count($words) gt 6 and not(tk:apart(.))"><xsl:value-of select="$words[1] || ' … ' || $words[last()]"/></xsl:when>
        <xsl:otherwise><xsl:call-template name="app-copy"><xsl:with-param name="nodes" select="$lemma/node()"/></xsl:call-template></xsl:otherwise>
      </xsl:choose>
    </span>
    <xsl:text>]</xsl:text>
    <!-- a lemma cited for no one says nothing after "]": no ";" before the first variant -->
    <xsl:variable name="bare" select="$lemma and empty(tk:sigla($lemma)) and tk:reading-kind($lemma) = ''
        and empty(.//tei:witDetail[$lemma/@xml:id and tokenize(@target) ! tk:ref-id(.) = $lemma/@xml:id])"/>
    <xsl:for-each select="tk:readings(.)">
      <xsl:if test="position() gt 1 and not(position() = 2 and $bare and tk:readings($app)[1] is $lemma)"><xsl:text>;</xsl:text></xsl:if>
      <xsl:if test="not(. is $lemma)">
        <xsl:text> </xsl:text>
        <span class="app-rdg">
          <!-- a reading the text does not show is pointed at here, in its entry -->
          <xsl:if test="@xml:id and $witness = '' and not(. is tk:shown($app))"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
          <xsl:choose>
            <xsl:when test="tk:empty-reading(.)"><em class="app-word">om.</em></xsl:when>
            <xsl:otherwise>
              <xsl:if test="$adds"><em class="app-word">add. </em></xsl:if>
              <xsl:call-template name="app-copy"><xsl:with-param name="nodes" select="node()"/><xsl:with-param name="ids" select="true()"/></xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
        </span>
      </xsl:if>
      <xsl:if test="exists(tk:sigla(.))"><xsl:text> </xsl:text><span class="sigla"><xsl:value-of select="tk:sigla(.)"/></span></xsl:if>
      <xsl:if test="tk:reading-kind(.) != ''"><xsl:text> </xsl:text><em class="app-kind">(<xsl:value-of select="tk:reading-kind(.)"/>)</em></xsl:if>
      <xsl:variable name="rid" select="@xml:id"/>
      <xsl:for-each select="$app//tei:witDetail[$rid and tokenize(@target) ! tk:ref-id(.) = $rid][tk:of-app(.) is $app][node()]">
        <xsl:text> </xsl:text><span class="wit-detail">(<xsl:call-template name="app-copy"><xsl:with-param name="nodes" select="node()"/><xsl:with-param name="ids" select="true()"/></xsl:call-template>)</span>
      </xsl:for-each>
    </xsl:for-each>
    <xsl:call-template name="app-notes"/>
  </xsl:template>
  <!-- The unit's notes and the details not tied to one reading ("2 pages missing"). -->
  <xsl:template name="app-notes">
    <xsl:variable name="app" select="."/>
    <xsl:for-each select=".//(tei:witDetail[not(tokenize(@target) ! tk:ref-id(.) = tk:readings($app)/@xml:id)]
        | tei:note)[tk:of-app(.) is $app]">
      <xsl:text> </xsl:text>
      <span class="{if (self::tei:note) then 'app-note' else 'wit-detail'}">
        <xsl:if test="self::tei:witDetail and @wit"><xsl:value-of select="string-join(tk:sigla(.), ' ')"/>: </xsl:if>
        <xsl:call-template name="app-copy"><xsl:with-param name="nodes" select="node()"/><xsl:with-param name="ids" select="true()"/></xsl:call-template>
      </span>
    </xsl:for-each>
  </xsl:template>

  <!-- Text shown a second time (in an entry, or a hidden reading): rendered as usual, but
       without the ids the text already has, and units in it show their reading only. -->
  <xsl:template name="app-copy">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:param name="ids" as="xs:boolean" select="false()"/><!-- the only place it is shown -->
    <xsl:variable name="out" as="node()*">
      <xsl:apply-templates select="$nodes">
        <xsl:with-param name="tk:copy" tunnel="yes" select="true()"/>
      </xsl:apply-templates>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$ids"><xsl:sequence select="$out"/></xsl:when>
      <xsl:otherwise><xsl:apply-templates select="$out" mode="tk:no-ids"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:mode name="tk:no-ids" on-no-match="shallow-copy"/>
  <xsl:template match="@id" mode="tk:no-ids"/>
  <xsl:template match="tei:sic"><xsl:apply-templates/><span class="editorial"> [sic]</span></xsl:template>

  <!-- Phrases -->
  <xsl:template match="tei:hi">
    <xsl:variable name="r" select="tokenize(normalize-space(@rend))"/>
    <xsl:choose>
      <xsl:when test="$r = 'sup' or $r = 'superscript'"><sup><xsl:apply-templates/></sup></xsl:when>
      <xsl:when test="$r = 'sub' or $r = 'subscript'"><sub><xsl:apply-templates/></sub></xsl:when>
      <xsl:when test="$r = ('bold', 'strong', 'b')"><strong><xsl:apply-templates/></strong></xsl:when>
      <xsl:when test="$r = ('italic', 'i', 'em')"><em><xsl:apply-templates/></em></xsl:when>
      <xsl:otherwise><span class="hi {string-join($r ! replace(., '[^A-Za-z0-9-]', ''), ' ')}"><xsl:apply-templates/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="tei:emph | tei:foreign | tei:title[ancestor::tei:text] | tei:term">
    <em class="{local-name()}"><xsl:apply-templates/></em>
  </xsl:template>
  <xsl:template match="tei:q | tei:quote[not(tei:p | tei:lg)] | tei:said">
    <q class="{local-name()}"><xsl:apply-templates/></q>
  </xsl:template>
  <xsl:template match="tei:persName | tei:placeName | tei:orgName | tei:name | tei:rs | tei:gloss | tei:date | tei:time | tei:num | tei:measure | tei:seg | tei:abbr | tei:expan | tei:corr | tei:reg | tei:orig">
    <span class="{local-name()}"><xsl:apply-templates/></span>
  </xsl:template>
  <!-- Names and terms link to their entry in the file's registers (listPerson, listPlace,
       standOff, a FRUS persons list…); an entry lists where it is mentioned. -->
  <xsl:key name="mention" match="(tei:persName | tei:placeName | tei:orgName | tei:rs | tei:name
      | tei:term | tei:gloss | tei:title[ancestor::tei:text])[not(ancestor::tei:teiHeader)]"
      use="tk:pointers(.)"/>
  <xsl:function name="tk:pointers" as="xs:string*">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="distinct-values(((tokenize($el/@ref), tokenize($el/@corresp),
        tokenize($el/@target))[starts-with(., '#')] ! substring(., 2), $el/@key ! string(.)))"/>
  </xsl:function>
  <!-- In an edition with registers: a name links to its register entry's page, and the
       first name on the page with a pointer carries the anchor that page links back to. -->
  <xsl:key name="tk:token" match="(tei:persName | tei:placeName | tei:orgName | tei:rs | tei:name
      | tei:term | tei:gloss)[not(ancestor::tei:teiHeader)]"
      use="(@ref, @corresp, @target, @key) ! tokenize(.)"/>
  <!-- Does a name become a link (to its register page, or to its entry in the file)? Not
       inside a ref, nor inside another name that does: a link holds no link (HTML would
       break the outer one off, empty, before the inner one). -->
  <xsl:function name="tk:name-links" as="xs:boolean">
    <xsl:param name="el" as="element()"/>
    <xsl:param name="mentions" as="map(xs:string, element())"/>
    <xsl:sequence select="not($el/ancestor::tei:ref) and not(tk:in-name-link($el, $mentions))
        and (exists((($el/@ref, $el/@corresp, $el/@target, $el/@key) ! tokenize(.))
                    [map:contains($mentions, .)])
             or exists(tk:entry($el)[not(. intersect $el/ancestor::*)]))"/>
  </xsl:function>
  <xsl:function name="tk:in-name-link" as="xs:boolean">
    <xsl:param name="el" as="element()"/>
    <xsl:param name="mentions" as="map(xs:string, element())"/>
    <xsl:sequence select="exists($el/ancestor::*[self::tei:persName or self::tei:placeName
        or self::tei:orgName or self::tei:rs or self::tei:name or self::tei:term or self::tei:gloss]
        [tk:name-links(., $mentions)])"/>
  </xsl:function>
  <xsl:function name="tk:entry" as="element()?">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="(tk:pointers($el) ! key('id', ., root($el))[not(. is $el)])[1]"/>
  </xsl:function>
  <xsl:template match="tei:persName | tei:placeName | tei:orgName | tei:rs | tei:name | tei:term
      | tei:gloss" priority="3">
    <xsl:param name="mentions" as="map(xs:string, element())" tunnel="yes" select="map {}"/>
    <xsl:variable name="token" select="((@ref, @corresp, @target, @key) ! tokenize(.))
        [map:contains($mentions, .)][1]"/>
    <xsl:choose>
      <xsl:when test="empty($token)"><xsl:next-match/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="m" select="$mentions($token)"/>
        <xsl:variable name="me" select="."/>
        <!-- every entry this name points at links back here, if it is its first mention -->
        <xsl:for-each select="distinct-values((@ref, @corresp, @target, @key) ! tokenize(.))
            [map:contains($mentions, .)][key('tk:token', ., root($me))[1] is $me]">
          <span class="anchor" id="{$mentions(.)/@anchor}"/>
        </xsl:for-each>
        <xsl:choose>
          <xsl:when test="not(tk:name-links(., $mentions))"><span class="{local-name()}" id="{tk:id(.)}"><xsl:apply-templates/></span></xsl:when>
          <xsl:otherwise>
            <a class="{local-name()} mention" href="{tk:safe-url($m/@href)}" id="{tk:id(.)}"><xsl:apply-templates/></a>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="tei:persName | tei:placeName | tei:orgName | tei:rs | tei:name | tei:term
      | tei:gloss" priority="2">
    <xsl:param name="mentions" as="map(xs:string, element())" tunnel="yes" select="map {}"/>
    <xsl:variable name="entry" select="tk:entry(.)"/>
    <xsl:choose>
      <xsl:when test="tk:name-links(., $mentions)">
        <a class="{local-name()} mention" href="#{tk:id($entry)}" id="{tk:id(.)}"
            title="{tk:plain(($entry/(tei:persName, tei:placeName, tei:orgName, tei:term, tei:label))[1])}"><xsl:apply-templates/></a>
      </xsl:when>
      <xsl:otherwise>
        <span class="{local-name()}">
          <xsl:if test="$entry"><xsl:attribute name="id" select="tk:id(.)"/></xsl:if>
          <xsl:apply-templates/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <!-- A title pointing to an entry (a bibliography's) is listed among its mentions: the
       place it stands has the id that list links to. -->
  <xsl:template match="tei:title[ancestor::tei:text][not(@xml:id)][exists(tk:pointers(.))]"
      priority="40">
    <span class="anchor" id="{tk:id(.)}"/>
    <xsl:next-match/>
  </xsl:template>
  <xsl:template match="tei:person | tei:personGrp | tei:place | tei:org | tei:event
      | tei:listBibl/tei:bibl | tei:standOff//tei:entry">
    <div class="entry {local-name()}" id="{tk:id(.)}">
      <xsl:apply-templates/>
      <xsl:call-template name="mentions"/>
    </div>
  </xsl:template>
  <xsl:template match="tei:item[@xml:id]" priority="1">
    <xsl:param name="before" as="node()*" select="()"/>
    <xsl:param name="after" as="node()*" select="()"/>
    <li id="{@xml:id}"><xsl:apply-templates select="$before, node(), $after"/><xsl:call-template name="mentions"/></li>
  </xsl:template>
  <!-- Where an entry is mentioned on the output's other pages: entry id → <mentioned
       href="d5.xhtml#mention-p_X" label="5"/> (an ebook's documents, from the build's plan:
       epub.xsl). None on the web, where an edition's registers have pages of their own.
       An entry of a FRUS list is an item holding the name with the id. -->
  <xsl:variable name="tk:mentioned-by" as="map(xs:string, element()*)" select="map {}"/>
  <xsl:template match="tei:item[not(@xml:id)][map:size($tk:mentioned-by) gt 0]
      [some $i in .//@xml:id satisfies map:contains($tk:mentioned-by, string($i))]" priority="1">
    <xsl:param name="before" as="node()*" select="()"/>
    <xsl:param name="after" as="node()*" select="()"/>
    <li><xsl:apply-templates select="$before, node(), $after"/><xsl:call-template name="mentions"/></li>
  </xsl:template>
  <xsl:template name="mentions">
    <xsl:variable name="here" select="if (@xml:id) then key('mention', string(@xml:id)) else ()"/>
    <xsl:variable name="elsewhere" as="element()*">
      <xsl:if test="map:size($tk:mentioned-by) gt 0">
        <xsl:for-each-group select=".//@xml:id ! $tk:mentioned-by(string(.))" group-by="@href">
          <xsl:sequence select="."/>
        </xsl:for-each-group>
      </xsl:if>
    </xsl:variable>
    <xsl:if test="exists($here) or exists($elsewhere)">
      <p class="mentions">Mentioned: <xsl:for-each select="$here">
        <xsl:if test="position() gt 1">, </xsl:if>
        <a href="#{tk:id(.)}"><xsl:value-of select="position()"/></a>
      </xsl:for-each>
      <xsl:if test="exists($here) and exists($elsewhere)">; </xsl:if>
      <xsl:for-each select="$elsewhere">
        <xsl:if test="position() gt 1">, </xsl:if>
        <a href="{tk:safe-url(@href)}"><xsl:value-of select="@label"/></a>
      </xsl:for-each></p>
    </xsl:if>
  </xsl:template>
  <xsl:template match="tei:idno[matches(normalize-space(.), '^https?://')]">
    <a class="idno" href="{tk:safe-url(normalize-space(.))}"><xsl:value-of select="."/></a>
  </xsl:template>

  <!-- A link, unless its target is unsafe or leads nowhere in the published edition: a
       pointer to an id not on this page (the build rewrites those it can place) or to a
       TEI source file. -->
  <xsl:template match="tei:ref | tei:ptr">
    <xsl:variable name="target" select="normalize-space(@target)"/>
    <xsl:variable name="href" select="
        if (@tk:unresolved) then ''
        else if (starts-with($target, '#') and empty(key('id', substring($target, 2), root(.)))) then ''
        else if (matches($target, '^[^:#?]*\.xml(#|$)', 'i')) then ''
        else tk:safe-url(@target)"/>
    <xsl:choose>
      <xsl:when test="$href != ''">
        <a href="{$href}" class="{local-name()}"><xsl:apply-templates/><xsl:if test="self::tei:ptr"><xsl:value-of select="@target"/></xsl:if></a>
      </xsl:when>
      <xsl:otherwise>
        <span class="{local-name()} unsafe-link"><xsl:apply-templates/><xsl:if test="self::tei:ptr"><xsl:value-of select="@target"/></xsl:if></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A space left in the source: a visible gap of about its size (never words run together). -->
  <xsl:template match="tei:space">
    <xsl:variable name="q" select="xs:integer((@quantity[. castable as xs:integer], @extent[. castable as xs:integer], 1)[1])"/>
    <span class="space" title="space in the source{if (@quantity) then ': ' || @quantity || ' ' || @unit else ''}"
        style="display:inline-block;width:{min(($q, 20))}em"><xsl:text> </xsl:text></span>
  </xsl:template>

  <!-- Documentary transcription: pages (surfaces) with their image, zones in the order the
       transcription gives them, one line per line. -->
  <xsl:template match="tei:surface">
    <section class="surface" id="{tk:id(.)}">
      <xsl:if test="exists($tk:facs) and not(ancestor::tei:surface | ancestor::tei:facsimile)">
        <xsl:attribute name="data-surface" select="tk:surface-key(.)"/>
      </xsl:if>
      <xsl:variable name="published" select="if (exists($tk:facs)) then $tk:facs?surfaces?(tk:surface-key(current()))?link else ()"/>
      <xsl:variable name="img" select="if (exists($published)) then tk:safe-url(string($published))
          else tk:safe-url((tei:graphic/@url, @facs)[1])"/>
      <h2 class="surface-head">
        <xsl:value-of select="string-join(('Page', (@n, tei:label, @xml:id)[1] ! normalize-space(.)), ' ')"/>
        <xsl:if test="$img != ''"><xsl:text> </xsl:text><a class="page-image" href="{$img}">[page image]</a></xsl:if>
      </h2>
      <xsl:apply-templates select="node() except tei:graphic"/>
    </section>
  </xsl:template>
  <xsl:template match="tei:zone">
    <div class="zone {@type}"><xsl:apply-templates select="node() except tei:graphic"/></div>
  </xsl:template>
  <xsl:template match="tei:line">
    <div class="line"><xsl:apply-templates/></div>
  </xsl:template>
  <xsl:template match="tei:mod | tei:metamark | tei:retrace | tei:restore | tei:subst | tei:damage">
    <xsl:variable name="h" select="tk:hand(.)"/>
    <span class="{local-name()}{if ($h != '') then ' hand hand-' || tk:hand-index(., $h) else ''}"
        title="{string-join((local-name(), @function, @type, if ($h != '') then 'by ' || tk:hand-label(., $h) else ()), ' ')}"><xsl:apply-templates/></span>
  </xsl:template>
  <xsl:template match="tei:fw">
    <div class="fw {@type}"><xsl:apply-templates/></div>
  </xsl:template>

  <!-- Elements TEI keeps empty (milestones, breaks, marks where a witness begins, a gap but
       for its description, an image but for its own): a source that puts words in one
       still has them shown, after its mark. -->
  <xsl:template match="(tei:anchor | tei:cb | tei:lb | tei:pb | tei:milestone | tei:handShift
      | tei:space | tei:witStart | tei:witEnd | tei:lacunaStart | tei:lacunaEnd | tei:graphic)[node()]
      | tei:gap[node() except tei:desc]" priority="60">
    <xsl:next-match/>
    <span class="tei-content"><xsl:apply-templates select="node() except self::tei:gap/tei:desc"/></span>
  </xsl:template>

  <!-- Anything else: keep its text. -->
  <xsl:template match="tei:* | *">
    <xsl:element name="{if (tk:is-block(.)) then 'div' else 'span'}">
      <xsl:attribute name="class" select="'tei-' || local-name()"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>
  <!-- Elements that stand on lines of their own (the behaviours section and block, in
       common.xsl; and whatever holds paragraphs, divisions, lists…): rendered as blocks, so
       that the words of one never run into the next (an envelope's addrLines, a register's
       entries). -->
  <xsl:function name="tk:is-block" as="xs:boolean">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="tk:behaviour($el) != 'inline'
        or exists($el/(tei:p | tei:div | tei:list | tei:table | tei:lg | tei:ab | tei:head
        | tei:sp | tei:body | tei:titlePage | tei:docTitle | tei:quote[tei:p] | tei:line | tei:zone))"/>
  </xsl:function>
  <xsl:template match="comment() | processing-instruction()"/>

  <xsl:template name="lang">
    <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
  </xsl:template>

</xsl:stylesheet>
