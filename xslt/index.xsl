<?xml version="1.0" encoding="UTF-8"?>
<!-- The edition's index (html/index.html), from what the build knows of every volume:
       <edition title pdf>
         <volume id title href pdf split="yes|" documents="N">  (a volume's documents are
                                                           left out in a large edition)
           <doc n date date-label title href text pdf/>
       Volumes with documents of their own get a section each; files that are one document
       (letters, single memos) share one table, by date. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tk="urn:teikit"
    exclude-result-prefixes="#all">
  <xsl:import href="common.xsl"/>
  <xsl:output method="html" html-version="5" encoding="UTF-8"/>
  <xsl:param name="css" as="xs:string" select="''"/>
  <xsl:param name="css-href" as="xs:string" select="''"/>

  <xsl:template match="/edition">
    <xsl:variable name="singles" select="volume[not(@split = 'yes')]/doc"/>
    <html lang="en">
      <head>
        <meta charset="UTF-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="teikit"/>
        <title><xsl:value-of select="@title"/></title>
        <xsl:if test="$css-href != ''"><link rel="stylesheet" href="{tk:safe-url($css-href)}"/></xsl:if>
        <xsl:if test="$css != ''"><style><xsl:value-of select="$css"/></style></xsl:if>
      </head>
      <body>
        <main class="edition-index">
          <h1><xsl:value-of select="@title"/></h1>
          <p class="summary">
            <xsl:value-of select="(if (volume[@split = 'yes']) then tk:count(count(volume[@split = 'yes']), 'volume') else ()),
                tk:count(xs:integer(sum(volume/@documents)), 'document')" separator=", "/>
            <xsl:if test="@pdf != ''"> · <a href="{tk:safe-url(@pdf)}">the whole edition as PDF</a></xsl:if>
            <xsl:if test="@search != ''"> · <a href="{tk:safe-url(@search)}">Search</a></xsl:if>
            <xsl:if test="@reference != ''"> · <a href="{tk:safe-url(@reference)}">Schema reference</a></xsl:if>
          </p>
          <xsl:if test="register">
            <p class="registers">Registers: <xsl:for-each select="register">
              <xsl:if test="position() gt 1"> · </xsl:if>
              <a href="{tk:safe-url(@href)}"><xsl:value-of select="@title"/></a>
            </xsl:for-each></p>
          </xsl:if>
          <xsl:if test="count(volume[@split = 'yes']) gt 1">
            <nav class="volumes" aria-label="Volumes">
              <ol>
                <xsl:for-each select="volume[@split = 'yes']">
                  <li><a href="#vol-{@id}"><xsl:value-of select="@title"/></a></li>
                </xsl:for-each>
              </ol>
            </nav>
          </xsl:if>
          <xsl:for-each select="volume[@split = 'yes']">
            <section class="volume" id="vol-{@id}">
              <h2><a href="{tk:safe-url(@href)}"><xsl:value-of select="@title"/></a></h2>
              <p class="downloads">
                <xsl:value-of select="tk:count(xs:integer(@documents), 'document')"/>
                <xsl:if test="not(doc)"> (listed on <a href="{tk:safe-url(@href)}">its contents page</a>)</xsl:if>
                <xsl:if test="@pdf != ''"> · <a href="{tk:safe-url(@pdf)}">PDF of the volume</a></xsl:if>
              </p>
              <xsl:if test="doc">
                <xsl:call-template name="table">
                  <xsl:with-param name="docs" select="doc"/>
                </xsl:call-template>
              </xsl:if>
            </section>
          </xsl:for-each>
          <xsl:if test="exists($singles)">
            <section class="volume" id="documents">
              <xsl:if test="exists(volume[@split = 'yes'])"><h2>Single documents</h2></xsl:if>
              <xsl:call-template name="table">
                <xsl:with-param name="docs" as="element()*">
                  <xsl:perform-sort select="$singles">
                    <xsl:sort select="if (@date != '') then 0 else 1"/>
                    <xsl:sort select="@date"/>
                  </xsl:perform-sort>
                </xsl:with-param>
              </xsl:call-template>
            </section>
          </xsl:if>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template name="table">
    <xsl:param name="docs" as="element()*"/>
    <xsl:variable name="numbered" select="exists($docs[@n != ''])"/>
    <table>
      <thead><tr>
        <xsl:if test="$numbered"><th scope="col">No.</th></xsl:if>
        <th scope="col">Date</th><th scope="col">Title</th><th scope="col">Also</th>
      </tr></thead>
      <tbody>
        <xsl:for-each select="$docs">
          <tr>
            <xsl:if test="$numbered"><td class="number"><xsl:value-of select="@n"/></td></xsl:if>
            <td class="date"><xsl:if test="@date != ''"><time datetime="{@date}"><xsl:value-of select="@date-label"/></time></xsl:if></td>
            <td><a href="{tk:safe-url(@href)}"><xsl:value-of select="@title"/></a></td>
            <td class="also">
              <xsl:if test="@pdf != ''"><a href="{tk:safe-url(@pdf)}">PDF</a></xsl:if>
              <xsl:if test="@pdf != '' and @text != ''"><xsl:text> </xsl:text></xsl:if>
              <xsl:if test="@text != ''"><a href="{tk:safe-url(@text)}">text</a></xsl:if>
            </td>
          </tr>
        </xsl:for-each>
      </tbody>
    </table>
  </xsl:template>

  <xsl:function name="tk:count" as="xs:string">
    <xsl:param name="n" as="xs:integer"/>
    <xsl:param name="word" as="xs:string"/>
    <xsl:sequence select="format-integer($n, '#,##0') || ' ' || $word || (if ($n = 1) then '' else 's')"/>
  </xsl:function>
</xsl:stylesheet>
