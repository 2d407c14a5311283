<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR" sourcelanguage="en">
<context>
    <name>ClusterModel</name>
    <message>
        <location filename="../models/cluster_model.py" line="7"/>
        <source>Replica</source>
        <translation>Réplica</translation>
    </message>
    <message>
        <location filename="../models/cluster_model.py" line="7"/>
        <source>Address</source>
        <translation>Endereço</translation>
    </message>
    <message>
        <location filename="../models/cluster_model.py" line="7"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../models/cluster_model.py" line="7"/>
        <source>Last seen</source>
        <translation>Visto por último</translation>
    </message>
    <message>
        <location filename="../models/cluster_model.py" line="7"/>
        <source>Lag</source>
        <translation>Atraso</translation>
    </message>
    <message>
        <location filename="../models/cluster_model.py" line="60"/>
        <source>replica {0} (in use)</source>
        <translation>réplica {0} (em uso)</translation>
    </message>
    <message>
        <location filename="../models/cluster_model.py" line="61"/>
        <source>replica {0}</source>
        <translation>réplica {0}</translation>
    </message>
    <message>
        <location filename="../models/cluster_model.py" line="65"/>
        <source>alive</source>
        <translation>ativa</translation>
    </message>
    <message>
        <location filename="../models/cluster_model.py" line="65"/>
        <source>down</source>
        <translation>fora do ar</translation>
    </message>
    <message>
        <location filename="../models/cluster_model.py" line="35"/>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <location filename="../models/cluster_model.py" line="37"/>
        <source>just now</source>
        <translation>agora mesmo</translation>
    </message>
    <message>
        <location filename="../models/cluster_model.py" line="40"/>
        <source>{0} s ago</source>
        <translation>há {0} s</translation>
    </message>
    <message>
        <location filename="../models/cluster_model.py" line="42"/>
        <source>{0} min ago</source>
        <translation>há {0} min</translation>
    </message>
    <message>
        <location filename="../models/cluster_model.py" line="47"/>
        <source>unknown</source>
        <translation>desconhecido</translation>
    </message>
    <message>
        <location filename="../models/cluster_model.py" line="49"/>
        <source>up to date</source>
        <translation>em dia</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/cluster_model.py" line="50"/>
        <source>%n update(s) behind</source>
        <translation>
            <numerusform>%n atualização atrasada</numerusform>
            <numerusform>%n atualizações atrasadas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClusterPanel</name>
    <message>
        <location filename="../views/cluster_panel.py" line="12"/>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <location filename="../views/cluster_panel.py" line="22"/>
        <source>As the replica in use sees the cluster: lag is how many updates a replica still lacks; a replica is down after missing a few pings.
Double-click a replica to use it (the window returns to it after a failover).</source>
        <translation>O cluster visto pela réplica em uso: o atraso é quantas atualizações ainda faltam a uma réplica; uma réplica é dada como fora do ar depois de perder alguns pings.
Clique duas vezes numa réplica para usá-la (a janela volta para ela depois de uma troca de réplica).</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message numerus="yes">
        <location filename="../commands.py" line="25"/>
        <source>%n contacts</source>
        <translation>
            <numerusform>%n contato</numerusform>
            <numerusform>%n contatos</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../commands.py" line="29"/>
        <source>Undo {0}</source>
        <translation>Desfazer {0}</translation>
    </message>
    <message>
        <location filename="../commands.py" line="33"/>
        <source>Redo {0}</source>
        <translation>Refazer {0}</translation>
    </message>
    <message>
        <location filename="../commands.py" line="60"/>
        <source>Add {0}</source>
        <translation>Adicionar {0}</translation>
    </message>
    <message>
        <location filename="../commands.py" line="64"/>
        <source>Undo add of {0}</source>
        <translation>Desfazer a adição de {0}</translation>
    </message>
    <message>
        <location filename="../commands.py" line="67"/>
        <source>Redo add of {0}</source>
        <translation>Refazer a adição de {0}</translation>
    </message>
    <message>
        <location filename="../commands.py" line="72"/>
        <source>Edit &apos;{0}&apos;</source>
        <translation>Editar '{0}'</translation>
    </message>
    <message>
        <location filename="../commands.py" line="100"/>
        <source>Delete {0}</source>
        <translation>Excluir {0}</translation>
    </message>
    <message>
        <location filename="../commands.py" line="112"/>
        <source>Restore {0}</source>
        <translation>Restaurar {0}</translation>
    </message>
    <message>
        <location filename="../merging.py" line="46"/>
        <source>{0}: done</source>
        <translation>{0}: feito</translation>
    </message>
    <message>
        <location filename="../merging.py" line="52"/>
        <source>Merge {0} into {1}</source>
        <translation>Mesclar {0} em {1}</translation>
    </message>
</context>
<context>
    <name>ContactColumns</name>
    <message>
        <location filename="../models/contact_table_model.py" line="16"/>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location filename="../models/contact_table_model.py" line="16"/>
        <source>Phone</source>
        <translation>Telefone</translation>
    </message>
    <message>
        <location filename="../models/contact_table_model.py" line="16"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../models/contact_table_model.py" line="16"/>
        <source>Organization</source>
        <translation>Organização</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/contact_table_model.py" line="45"/>
        <source>  (%n more)</source>
        <translation>
            <numerusform>  (mais %n)</numerusform>
            <numerusform>  (mais %n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <location filename="../views/contact_dialog.py" line="48"/>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="48"/>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="49"/>
        <source>Phones</source>
        <translation>Telefones</translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="49"/>
        <source>Emails</source>
        <translation>E-mails</translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="50"/>
        <source>Addresses</source>
        <translation>Endereços</translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="51"/>
        <source>Organization</source>
        <translation>Organização</translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="52"/>
        <source>Title</source>
        <translation>Cargo</translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="52"/>
        <source>Birthday</source>
        <translation>Aniversário</translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="53"/>
        <source>Groups</source>
        <translation>Grupos</translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="53"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="54"/>
        <source>Name details</source>
        <translation>Partes do nome</translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="55"/>
        <source>Nicknames</source>
        <translation>Apelidos</translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="56"/>
        <source>Department</source>
        <translation>Departamento</translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="56"/>
        <source>Role</source>
        <translation>Função</translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="57"/>
        <source>Anniversary</source>
        <translation>Data comemorativa</translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="58"/>
        <source>Websites</source>
        <translation>Sites</translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="58"/>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="59"/>
        <source>Related people</source>
        <translation>Pessoas relacionadas</translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="60"/>
        <source>Gender</source>
        <translation>Gênero</translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="60"/>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="61"/>
        <source>Time zone</source>
        <translation>Fuso horário</translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="62"/>
        <source>Location</source>
        <translation>Localização</translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="62"/>
        <source>Keys</source>
        <translation>Chaves</translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="63"/>
        <source>Starred</source>
        <translation>Favorito</translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="94"/>
        <source>Edit contact</source>
        <translation>Editar contato</translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="94"/>
        <source>New contact</source>
        <translation>Novo contato</translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="104"/>
        <source>Use their version</source>
        <translation>Usar a versão deles</translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="105"/>
        <source>Keep mine</source>
        <translation>Manter a minha</translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="121"/>
        <source>Full name (required)</source>
        <translation>Nome completo (obrigatório)</translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="133"/>
        <source>Starred (listed first)</source>
        <translation>Favorito (listado primeiro)</translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="136"/>
        <source>Nicknames, with commas between them</source>
        <translation>Apelidos, separados por vírgulas</translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="137"/>
        <source>Departments, with commas between them</source>
        <translation>Departamentos, separados por vírgulas</translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="148"/>
        <source>A name, or a URI</source>
        <translation>Um nome ou um URI</translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="186"/>
        <source>More fields</source>
        <translation>Mais campos</translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="187"/>
        <source>Name details, nicknames, department, role, anniversary, websites, chat, related people, gender, languages, time zone, location, keys</source>
        <translation>Partes do nome, apelidos, departamento, função, data comemorativa, sites, chat, pessoas relacionadas, gênero, idiomas, fuso horário, localização, chaves</translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="405"/>
        <source>label: </source>
        <translation>rótulo: </translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="437"/>
        <source>Overwrite their changes?</source>
        <translation>Sobrescrever as alterações deles?</translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="437"/>
        <source>Someone else changed {fields} of this contact while you were editing it. Save your version over theirs?</source>
        <translation>Outra pessoa alterou {fields} deste contato enquanto você o editava. Salvar a sua versão por cima da deles?</translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="459"/>
        <source>Discard this contact?</source>
        <translation>Descartar este contato?</translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="459"/>
        <source>Discard your changes to this contact?</source>
        <translation>Descartar suas alterações neste contato?</translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="461"/>
        <source>Discard?</source>
        <translation>Descartar?</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/contact_dialog.py" line="556"/>
        <source>Someone else changed this contact: their {fields} has been filled in.</source>
        <translation>
            <numerusform>Outra pessoa alterou este contato: o campo {fields} dela foi preenchido.</numerusform>
            <numerusform>Outra pessoa alterou este contato: os campos {fields} dela foram preenchidos.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="559"/>
        <source>They also changed {fields}, which you are editing. Keep yours or use theirs?</source>
        <translation>Também alteraram {fields}, que você está editando. Manter a sua versão ou usar a deles?</translation>
    </message>
    <message>
        <location filename="../views/contact_dialog.py" line="568"/>
        <source>Someone else deleted this contact. Saving brings it back with your changes.</source>
        <translation>Outra pessoa excluiu este contato. Salvar o traz de volta com as suas alterações.</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <location filename="../presentation.py" line="42"/>
        <source>January</source>
        <translation>janeiro</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="42"/>
        <source>February</source>
        <translation>fevereiro</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="42"/>
        <source>March</source>
        <translation>março</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="42"/>
        <source>April</source>
        <translation>abril</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="42"/>
        <source>May</source>
        <translation>maio</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="42"/>
        <source>June</source>
        <translation>junho</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="42"/>
        <source>July</source>
        <translation>julho</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="42"/>
        <source>August</source>
        <translation>agosto</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="42"/>
        <source>September</source>
        <translation>setembro</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="42"/>
        <source>October</source>
        <translation>outubro</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="42"/>
        <source>November</source>
        <translation>novembro</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="42"/>
        <source>December</source>
        <translation>dezembro</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="199"/>
        <source>{day} {month} {year}</source>
        <translation>{day} de {month} de {year}</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="201"/>
        <source>{day} {month}</source>
        <translation>{day} de {month}</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="203"/>
        <source>{month} {year}</source>
        <translation>{month} de {year}</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="231"/>
        <source>today</source>
        <translation>hoje</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="233"/>
        <source>tomorrow</source>
        <translation>amanhã</translation>
    </message>
    <message numerus="yes">
        <location filename="../presentation.py" line="234"/>
        <source>in %n days</source>
        <translation>
            <numerusform>em %n dia</numerusform>
            <numerusform>em %n dias</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../presentation.py" line="246"/>
        <source>{date} — turns {years} {when}</source>
        <translation>{date} — completa {years} anos {when}</translation>
    </message>
    <message numerus="yes">
        <location filename="../presentation.py" line="257"/>
        <source>{date} — %n year(s) {when}</source>
        <translation>
            <numerusform>{date} — %n ano {when}</numerusform>
            <numerusform>{date} — %n anos {when}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../views/detail_pane.py" line="33"/>
        <source>Phones</source>
        <translation>Telefones</translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="33"/>
        <source>Emails</source>
        <translation>E-mails</translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="33"/>
        <source>Addresses</source>
        <translation>Endereços</translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="33"/>
        <source>Websites</source>
        <translation>Sites</translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="132"/>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="33"/>
        <source>Social</source>
        <translation>Redes sociais</translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="33"/>
        <source>Dates</source>
        <translation>Datas</translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="33"/>
        <source>Work</source>
        <translation>Trabalho</translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="146"/>
        <source>Groups</source>
        <translation>Grupos</translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="33"/>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="33"/>
        <source>Personal</source>
        <translation>Pessoal</translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="33"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="33"/>
        <source>Keys</source>
        <translation>Chaves</translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="33"/>
        <source>Other</source>
        <translation>Outros</translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="72"/>
        <source>Last change: Lamport stamp {0} from replica {1}</source>
        <translation>Última alteração: carimbo de Lamport {0} da réplica {1}</translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="102"/>
        <source>preferred</source>
        <translation>preferencial</translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="119"/>
        <source>kept as typed: not a number its country code or the region makes valid</source>
        <translation>mantido como digitado: nem o código do país nem a região o tornam um número válido</translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="126"/>
        <source>Open in OpenStreetMap</source>
        <translation>Abrir no OpenStreetMap</translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="135"/>
        <source>Birthday</source>
        <translation>Aniversário</translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="137"/>
        <source>Anniversary</source>
        <translation>Data comemorativa</translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="139"/>
        <source>Organization</source>
        <translation>Organização</translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="139"/>
        <source>Department</source>
        <translation>Departamento</translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="139"/>
        <source>Title</source>
        <translation>Cargo</translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="139"/>
        <source>Role</source>
        <translation>Função</translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="149"/>
        <source>Prefix</source>
        <translation>Prefixo</translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="149"/>
        <source>First name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="149"/>
        <source>Middle name</source>
        <translation>Nome do meio</translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="149"/>
        <source>Last name</source>
        <translation>Sobrenome</translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="149"/>
        <source>Suffix</source>
        <translation>Sufixo</translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="157"/>
        <source>Nicknames</source>
        <translation>Apelidos</translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="157"/>
        <source>Nickname</source>
        <translation>Apelido</translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="160"/>
        <source>Gender</source>
        <translation>Gênero</translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="164"/>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="166"/>
        <source>Time zone</source>
        <translation>Fuso horário</translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="168"/>
        <source>Location</source>
        <translation>Localização</translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="175"/>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="262"/>
        <source>Select a contact to see every detail.</source>
        <translation>Selecione um contato para ver todos os detalhes.</translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="297"/>
        <source>Starred: listed first (click or Ctrl+D to unstar)</source>
        <translation>Favorito: aparece primeiro (clique ou Ctrl+D para desmarcar)</translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="297"/>
        <source>Star: list first (Ctrl+D)</source>
        <translation>Favoritar: aparece primeiro (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="300"/>
        <source>Unstar</source>
        <translation>Desfavoritar</translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="300"/>
        <source>Star</source>
        <translation>Favoritar</translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="309"/>
        <source>Loading the photo…</source>
        <translation>Carregando a foto…</translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="411"/>
        <source>Copy {0}</source>
        <translation>Copiar {0}</translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="413"/>
        <source>Call</source>
        <translation>Ligar</translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="413"/>
        <source>Write an email</source>
        <translation>Escrever um e-mail</translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="416"/>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="416"/>
        <source>Show on the map</source>
        <translation>Mostrar no mapa</translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="420"/>
        <source>Show the group {0}</source>
        <translation>Mostrar o grupo {0}</translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="427"/>
        <source>Copied {0}: {1}</source>
        <translation>Copiado — {0}: {1}</translation>
    </message>
</context>
<context>
    <name>Duplicates</name>
    <message>
        <location filename="../views/duplicates.py" line="31"/>
        <source>same number {value}</source>
        <translation>mesmo número {value}</translation>
    </message>
    <message>
        <location filename="../views/duplicates.py" line="31"/>
        <source>same email {value}</source>
        <translation>mesmo e-mail {value}</translation>
    </message>
    <message>
        <location filename="../views/duplicates.py" line="35"/>
        <source>similar names</source>
        <translation>nomes parecidos</translation>
    </message>
    <message>
        <location filename="../views/duplicates.py" line="35"/>
        <source>chosen by you</source>
        <translation>escolhidos por você</translation>
    </message>
    <message>
        <location filename="../views/duplicates.py" line="46"/>
        <source>(none)</source>
        <translation>(nenhum)</translation>
    </message>
    <message>
        <location filename="../views/duplicates.py" line="48"/>
        <source>a photo ({size} KB)</source>
        <translation>uma foto ({size} KB)</translation>
    </message>
    <message>
        <location filename="../views/duplicates.py" line="48"/>
        <source>a photo</source>
        <translation>uma foto</translation>
    </message>
    <message>
        <location filename="../views/duplicates.py" line="53"/>
        <source>★ starred</source>
        <translation>★ favorito</translation>
    </message>
    <message>
        <location filename="../views/duplicates.py" line="53"/>
        <source>not starred</source>
        <translation>não favorito</translation>
    </message>
    <message>
        <location filename="../views/duplicates.py" line="84"/>
        <source>Keeps &lt;b&gt;{keep}&lt;/b&gt; with what is below; &lt;b&gt;{other}&lt;/b&gt; goes to the trash (Ctrl+Z undoes the merge).</source>
        <translation>Mantém &lt;b&gt;{keep}&lt;/b&gt; com o que está abaixo; &lt;b&gt;{other}&lt;/b&gt; vai para a lixeira (Ctrl+Z desfaz a mesclagem).</translation>
    </message>
    <message>
        <location filename="../views/duplicates.py" line="89"/>
        <source>{other} holds nothing {keep} lacks.</source>
        <translation>{other} não tem nada que falte em {keep}.</translation>
    </message>
    <message>
        <location filename="../views/duplicates.py" line="112"/>
        <source>Both contacts&apos; entries, each once</source>
        <translation>As entradas dos dois contatos, cada uma uma vez</translation>
    </message>
    <message>
        <location filename="../views/duplicates.py" line="113"/>
        <source>{field} (all):</source>
        <translation>{field} (todos):</translation>
    </message>
    <message>
        <location filename="../views/duplicates.py" line="140"/>
        <source>Duplicates</source>
        <translation>Duplicados</translation>
    </message>
    <message>
        <location filename="../views/duplicates.py" line="163"/>
        <source>&amp;Merge</source>
        <translation>&amp;Mesclar</translation>
    </message>
    <message>
        <location filename="../views/duplicates.py" line="166"/>
        <source>&amp;Keep the other</source>
        <translation>Manter o &amp;outro</translation>
    </message>
    <message>
        <location filename="../views/duplicates.py" line="167"/>
        <source>Keep the second contact and move the first to the trash instead</source>
        <translation>Manter o segundo contato e mover o primeiro para a lixeira</translation>
    </message>
    <message>
        <location filename="../views/duplicates.py" line="195"/>
        <source>This book is too big to hold in the window: finding duplicates needs every contact. Select two contacts and use Merge on the row menu.</source>
        <translation>Esta agenda é grande demais para caber na janela: encontrar duplicados exige todos os contatos. Selecione dois contatos e use Mesclar no menu da linha.</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/duplicates.py" line="207"/>
        <source>%n likely duplicate pair(s)</source>
        <translation>
            <numerusform>%n provável par duplicado</numerusform>
            <numerusform>%n prováveis pares duplicados</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/duplicates.py" line="207"/>
        <source>No likely duplicates: no two contacts share a number or an email, and no names are alike.</source>
        <translation>Nenhum provável duplicado: não há dois contatos com o mesmo número ou e-mail, nem nomes parecidos.</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/duplicates.py" line="261"/>
        <source>%n likely duplicate pair(s) left</source>
        <translation>
            <numerusform>Resta %n provável par duplicado</numerusform>
            <numerusform>Restam %n prováveis pares duplicados</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/duplicates.py" line="261"/>
        <source>No duplicates left.</source>
        <translation>Não restam duplicados.</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <location filename="../views/dialog_fields.py" line="116"/>
        <source>kept as typed: not a valid number for its country code</source>
        <translation>mantido como digitado: não é um número válido para o seu código de país</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="119"/>
        <source>kept as typed: not a valid number in {country} ({code}); add +country code to check it</source>
        <translation>mantido como digitado: não é um número válido em {country} ({code}); acrescente o +código do país para verificá-lo</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="121"/>
        <source>kept as typed: no region is set, add +country code to check it</source>
        <translation>mantido como digitado: nenhuma região definida, acrescente o +código do país para verificá-lo</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="126"/>
        <source>{shown} read in {country} ({code})</source>
        <translation>{shown} lido como de {country} ({code})</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="129"/>
        <source>{shown} {country}, by its country code</source>
        <translation>{shown} {country}, pelo código do país</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="187"/>
        <source>A label from the list, or type your own</source>
        <translation>Um rótulo da lista, ou digite o seu</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="196"/>
        <source>The country a number without +country code is read in</source>
        <translation>O país em que se lê um número sem +código do país</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="197"/>
        <source>Default ({code})</source>
        <translation>Padrão ({code})</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="197"/>
        <source>No region</source>
        <translation>Sem região</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="348"/>
        <source>Add phone</source>
        <translation>Adicionar telefone</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="348"/>
        <source>Add email</source>
        <translation>Adicionar e-mail</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="349"/>
        <source>Add website</source>
        <translation>Adicionar site</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="350"/>
        <source>Add chat address</source>
        <translation>Adicionar endereço de chat</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="351"/>
        <source>Add person</source>
        <translation>Adicionar pessoa</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="351"/>
        <source>Add key</source>
        <translation>Adicionar chave</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="352"/>
        <source>Remove this phone</source>
        <translation>Remover este telefone</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="353"/>
        <source>Remove this email</source>
        <translation>Remover este e-mail</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="354"/>
        <source>Remove this website</source>
        <translation>Remover este site</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="355"/>
        <source>Remove this chat address</source>
        <translation>Remover este endereço de chat</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="356"/>
        <source>Remove this person</source>
        <translation>Remover esta pessoa</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="357"/>
        <source>Remove this key</source>
        <translation>Remover esta chave</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="409"/>
        <source>Street</source>
        <translation>Rua e número</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="409"/>
        <source>Apartment, suite…</source>
        <translation>Complemento (apto., sala…)</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="409"/>
        <source>PO box</source>
        <translation>Caixa postal</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="409"/>
        <source>City</source>
        <translation>Cidade</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="409"/>
        <source>State / province</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="409"/>
        <source>Postcode</source>
        <translation>CEP</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="409"/>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="430"/>
        <source>Remove this address</source>
        <translation>Remover este endereço</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="482"/>
        <source>Add address</source>
        <translation>Adicionar endereço</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="507"/>
        <source>Day</source>
        <translation>Dia</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="511"/>
        <source>Month</source>
        <translation>Mês</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="515"/>
        <source>Year (optional)</source>
        <translation>Ano (opcional)</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="520"/>
        <source>No date</source>
        <translation>Sem data</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="609"/>
        <source>Prefix</source>
        <translation>Prefixo</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="609"/>
        <source>First name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="609"/>
        <source>Middle name</source>
        <translation>Nome do meio</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="609"/>
        <source>Last name</source>
        <translation>Sobrenome</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="609"/>
        <source>Suffix</source>
        <translation>Sufixo</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="721"/>
        <source>Add to a group (Return)</source>
        <translation>Adicionar a um grupo (Enter)</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="771"/>
        <source>Remove from {group}</source>
        <translation>Remover de {group}</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="772"/>
        <source>Group {group}, press to remove</source>
        <translation>Grupo {group}, pressione para remover</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="812"/>
        <source>the photo is too large even at low quality</source>
        <translation>a foto é grande demais mesmo em baixa qualidade</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="828"/>
        <source>Choose photo…</source>
        <translation>Escolher foto…</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="828"/>
        <source>A photo from a file (or drop one on this window)</source>
        <translation>Uma foto de um arquivo (ou solte uma nesta janela)</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="830"/>
        <source>Remove photo</source>
        <translation>Remover foto</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="871"/>
        <source>Photo at {uri} (not downloaded)</source>
        <translation>Foto em {uri} (não baixada)</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="877"/>
        <source>Choose a photo</source>
        <translation>Escolher uma foto</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="879"/>
        <source>Images ({formats})</source>
        <translation>Imagens ({formats})</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="879"/>
        <source>All files (*)</source>
        <translation>Todos os arquivos (*)</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="890"/>
        <source>Not an image this window can read: {path}</source>
        <translation>Não é uma imagem que esta janela consiga ler: {path}</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="915"/>
        <source>Female</source>
        <translation>Feminino</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="915"/>
        <source>Male</source>
        <translation>Masculino</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="915"/>
        <source>Other</source>
        <translation>Outro</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="915"/>
        <source>None or not applicable</source>
        <translation>Nenhum ou não se aplica</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="915"/>
        <source>Unknown</source>
        <translation>Desconhecido</translation>
    </message>
    <message>
        <location filename="../views/dialog_fields.py" line="931"/>
        <source>Gender identity, in words (optional)</source>
        <translation>Identidade de gênero, por extenso (opcional)</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <location filename="../views/import_preview.py" line="41"/>
        <source>Import {file}</source>
        <translation>Importar {file}</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/import_preview.py" line="48"/>
        <source>&amp;Update the %n contact(s) of the same id with the file&apos;s version</source>
        <translation>
            <numerusform>&amp;Atualizar o %n contato de mesmo id com a versão do arquivo</numerusform>
            <numerusform>&amp;Atualizar os %n contatos de mesmo id com a versão do arquivo</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/import_preview.py" line="56"/>
        <source>Entry</source>
        <translation>Entrada</translation>
    </message>
    <message>
        <location filename="../views/import_preview.py" line="56"/>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../views/import_preview.py" line="60"/>
        <source>&amp;Import</source>
        <translation>&amp;Importar</translation>
    </message>
    <message>
        <location filename="../views/import_preview.py" line="88"/>
        <source>same id: the file&apos;s version replaces it</source>
        <translation>mesmo id: a versão do arquivo o substitui</translation>
    </message>
    <message>
        <location filename="../views/import_preview.py" line="88"/>
        <source>the same contact is already in the book</source>
        <translation>o mesmo contato já está na agenda</translation>
    </message>
    <message>
        <location filename="../views/import_preview.py" line="90"/>
        <source>To add ({count})</source>
        <translation>A adicionar ({count})</translation>
    </message>
    <message>
        <location filename="../views/import_preview.py" line="91"/>
        <source>To update ({count})</source>
        <translation>A atualizar ({count})</translation>
    </message>
    <message>
        <location filename="../views/import_preview.py" line="93"/>
        <source>Already there ({count})</source>
        <translation>Já presentes ({count})</translation>
    </message>
    <message>
        <location filename="../views/import_preview.py" line="94"/>
        <source>Skipped ({count})</source>
        <translation>Ignorados ({count})</translation>
    </message>
    <message>
        <location filename="../views/import_preview.py" line="104"/>
        <source>entry {number}</source>
        <translation>entrada {number}</translation>
    </message>
    <message>
        <location filename="../views/import_preview.py" line="105"/>
        <source>{name}  (line {line})</source>
        <translation>{name}  (linha {line})</translation>
    </message>
    <message>
        <location filename="../views/import_preview.py" line="121"/>
        <source>Reading {file}…</source>
        <translation>Lendo {file}…</translation>
    </message>
    <message>
        <location filename="../views/import_preview.py" line="143"/>
        <source>Import failed</source>
        <translation>A importação falhou</translation>
    </message>
    <message>
        <location filename="../views/import_preview.py" line="143"/>
        <source>Could not read {file}: {error}</source>
        <translation>Não foi possível ler {file}: {error}</translation>
    </message>
    <message>
        <location filename="../views/import_preview.py" line="150"/>
        <source>Read {file}</source>
        <translation>Ler {file}</translation>
    </message>
    <message>
        <location filename="../views/import_preview.py" line="157"/>
        <source>Drop to import: a preview says what will be added first</source>
        <translation>Solte para importar: uma prévia mostra antes o que será adicionado</translation>
    </message>
    <message>
        <location filename="../views/import_preview.py" line="169"/>
        <source>An import or export is still running: drop the file again once it is done</source>
        <translation>Uma importação ou exportação ainda está em andamento: solte o arquivo de novo quando ela terminar</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/import_preview.py" line="82"/>
        <source>&lt;b&gt;{file}&lt;/b&gt;: %n entry(ies). {added} will be added, {updated} updated, {unchanged} already there (left as they are), {skipped} skipped.</source>
        <translation>
            <numerusform>&lt;b&gt;{file}&lt;/b&gt;: %n entrada. A adicionar: {added}; a atualizar: {updated}; já presentes (mantidos como estão): {unchanged}; ignorados: {skipped}.</numerusform>
            <numerusform>&lt;b&gt;{file}&lt;/b&gt;: %n entradas. A adicionar: {added}; a atualizar: {updated}; já presentes (mantidos como estão): {unchanged}; ignorados: {skipped}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../views/detail_pane.py" line="114"/>
        <source>Phone</source>
        <translation>Telefone</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="53"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="124"/>
        <source>Address</source>
        <translation>Endereço</translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="128"/>
        <source>Website</source>
        <translation>Site</translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="161"/>
        <source>Related</source>
        <translation>Relacionado</translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="171"/>
        <source>Key</source>
        <translation>Chave</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="52"/>
        <source>Mobile</source>
        <translation>Celular</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="50"/>
        <source>Home</source>
        <translation>Casa</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="50"/>
        <source>Work</source>
        <translation>Trabalho</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="50"/>
        <source>Other</source>
        <translation>Outro</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="50"/>
        <source>Fax</source>
        <translation>Fax</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="51"/>
        <source>Pager</source>
        <translation>Pager</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="51"/>
        <source>Voice</source>
        <translation>Voz</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="51"/>
        <source>Text</source>
        <translation>Mensagem de texto</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="51"/>
        <source>Video</source>
        <translation>Vídeo</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="52"/>
        <source>Textphone</source>
        <translation>Telefone para surdos</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="52"/>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="52"/>
        <source>Preferred</source>
        <translation>Preferencial</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="53"/>
        <source>X.400</source>
        <translation>X.400</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="53"/>
        <source>Spouse</source>
        <translation>Cônjuge</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="53"/>
        <source>Child</source>
        <translation>Filho(a)</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="54"/>
        <source>Parent</source>
        <translation>Pai/Mãe</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="54"/>
        <source>Sibling</source>
        <translation>Irmão(ã)</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="54"/>
        <source>Friend</source>
        <translation>Amigo(a)</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="54"/>
        <source>Relative</source>
        <translation>Parente</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="55"/>
        <source>Colleague</source>
        <translation>Colega</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="55"/>
        <source>Homepage</source>
        <translation>Página inicial</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="55"/>
        <source>Blog</source>
        <translation>Blog</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="55"/>
        <source>Profile</source>
        <translation>Perfil</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="55"/>
        <source>Co-worker</source>
        <translation>Colega de trabalho</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="55"/>
        <source>Assistant</source>
        <translation>Assistente</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="56"/>
        <source>Manager</source>
        <translation>Gerente</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="56"/>
        <source>Partner</source>
        <translation>Parceiro(a)</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="56"/>
        <source>Emergency contact</source>
        <translation>Contato de emergência</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../app.py" line="72"/>
        <source>Contacts</source>
        <translation>Contatos</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="79"/>
        <source>Search every field  (Ctrl+F)</source>
        <translation>Buscar em todos os campos  (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="194"/>
        <source>The replica this window uses and how many are alive; click for the cluster panel</source>
        <translation>A réplica que esta janela usa e quantas estão ativas; clique para abrir o painel do cluster</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="232"/>
        <source>&amp;New contact…</source>
        <translation>&amp;Novo contato…</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="233"/>
        <source>&amp;Edit contact…</source>
        <translation>&amp;Editar contato…</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="234"/>
        <source>&amp;Delete</source>
        <translation>E&amp;xcluir</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="234"/>
        <source>Delete the selected contacts (undo with Ctrl+Z)</source>
        <translation>Excluir os contatos selecionados (desfazer com Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="236"/>
        <source>&amp;Star / unstar</source>
        <translation>&amp;Favoritar / desfavoritar</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="236"/>
        <source>Star the selected contacts (listed first), or unstar them</source>
        <translation>Marcar os contatos selecionados como favoritos (aparecem primeiro), ou desmarcá-los</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="238"/>
        <source>Add to &amp;group</source>
        <translation>Adicionar ao &amp;grupo</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="240"/>
        <source>Remo&amp;ve from group</source>
        <translation>Re&amp;mover do grupo</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="250"/>
        <source>&amp;Undo</source>
        <translation>&amp;Desfazer</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="251"/>
        <source>&amp;Redo</source>
        <translation>&amp;Refazer</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="258"/>
        <source>&amp;Find</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="259"/>
        <source>&amp;Trash…</source>
        <translation>&amp;Lixeira…</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="260"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Configurações…</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="261"/>
        <source>&amp;Quit</source>
        <translation>Sai&amp;r</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="262"/>
        <source>&amp;Import vCard or CSV…</source>
        <translation>&amp;Importar vCard ou CSV…</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="263"/>
        <source>&amp;Export…</source>
        <translation>E&amp;xportar…</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="264"/>
        <source>&amp;Refresh now</source>
        <translation>&amp;Atualizar agora</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="283"/>
        <source>&amp;File</source>
        <translation>&amp;Arquivo</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="288"/>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="303"/>
        <source>&amp;View</source>
        <translation>E&amp;xibir</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="330"/>
        <source>Undo {0}</source>
        <translation>Desfazer {0}</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="330"/>
        <source>Nothing to undo</source>
        <translation>Nada a desfazer</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="330"/>
        <source>Redo {0}</source>
        <translation>Refazer {0}</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="330"/>
        <source>Nothing to redo</source>
        <translation>Nada a refazer</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/main_window.py" line="430"/>
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n contato</numerusform>
            <numerusform>%n contatos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/main_window.py" line="434"/>
        <source> (first %n found)</source>
        <translation>
            <numerusform> (primeiro %n encontrado)</numerusform>
            <numerusform> (primeiros %n encontrados)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/main_window.py" line="434"/>
        <source> (%n found)</source>
        <translation>
            <numerusform> (%n encontrado)</numerusform>
            <numerusform> (%n encontrados)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="540"/>
        <source>No contact matches “{0}”</source>
        <translation>Nenhum contato corresponde a “{0}”</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="542"/>
        <source>No replica reachable yet — retrying</source>
        <translation>Nenhuma réplica acessível ainda — tentando de novo</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="544"/>
        <source>Loading…</source>
        <translation>Carregando…</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="546"/>
        <source>No contacts yet — Ctrl+N adds one</source>
        <translation>Nenhum contato ainda — Ctrl+N adiciona um</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="580"/>
        <source>Click for the cluster panel.

Recent:</source>
        <translation>Clique para abrir o painel do cluster.

Recentes:</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/main_window.py" line="583"/>
        <source>saving %n change(s)…</source>
        <translation>
            <numerusform>salvando %n alteração…</numerusform>
            <numerusform>salvando %n alterações…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="638"/>
        <source>The contact changed meanwhile</source>
        <translation>O contato mudou nesse meio-tempo</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="639"/>
        <source>While you were saving, {0}.</source>
        <translation>Enquanto você salvava, {0}.</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="640"/>
        <source>Save your version over theirs, edit again starting from theirs, or drop your changes?</source>
        <translation>Salvar a sua versão por cima da outra, editar de novo a partir da outra ou descartar as suas alterações?</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="642"/>
        <source>Overwrite</source>
        <translation>Sobrescrever</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="643"/>
        <source>Edit again</source>
        <translation>Editar de novo</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="644"/>
        <source>Keep theirs</source>
        <translation>Manter a outra</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="666"/>
        <source>Star {0}</source>
        <translation>Favoritar {0}</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="666"/>
        <source>Unstar {0}</source>
        <translation>Desfavoritar {0}</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="676"/>
        <source>Add {0} to {1}</source>
        <translation>Adicionar {0} a {1}</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="681"/>
        <source>Remove {0} from {1}</source>
        <translation>Remover {0} de {1}</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="696"/>
        <source>New group…</source>
        <translation>Novo grupo…</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="705"/>
        <source>(in no group)</source>
        <translation>(em nenhum grupo)</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="712"/>
        <source>New group</source>
        <translation>Novo grupo</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="713"/>
        <source>Add {0} to the group:</source>
        <translation>Adicionar {0} ao grupo:</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="729"/>
        <source>Unstar</source>
        <translation>Desfavoritar</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="729"/>
        <source>Star</source>
        <translation>Favoritar</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="730"/>
        <source>Add to group</source>
        <translation>Adicionar ao grupo</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="730"/>
        <source>Remove from group</source>
        <translation>Remover do grupo</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/main_window.py" line="753"/>
        <source>%n contacts</source>
        <translation>
            <numerusform>%n contato</numerusform>
            <numerusform>%n contatos</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="754"/>
        <source>Deleting {0} — Ctrl+Z brings it back</source>
        <translation>Excluindo {0} — Ctrl+Z desfaz</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="816"/>
        <source>Phone numbers without +country code are now read in {0}</source>
        <translation>Números de telefone sem +código do país agora são lidos como de {0}</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="816"/>
        <source>Phone numbers without +country code are now kept as typed, unchecked</source>
        <translation>Números de telefone sem +código do país agora são mantidos como digitados, sem verificação</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="827"/>
        <source>Using the name server at {0}:{1}</source>
        <translation>Usando o servidor de nomes em {0}:{1}</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="905"/>
        <source>Changes not saved yet</source>
        <translation>Alterações ainda não salvas</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="909"/>
        <source>Quit anyway</source>
        <translation>Sair mesmo assim</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/main_window.py" line="905"/>
        <source>%n change(s) still wait for a replica to answer. Quit anyway and lose them?</source>
        <translation>
            <numerusform>%n alteração ainda aguarda a resposta de uma réplica. Sair mesmo assim e perdê-la?</numerusform>
            <numerusform>%n alterações ainda aguardam a resposta de uma réplica. Sair mesmo assim e perdê-las?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="232"/>
        <source>Add a contact</source>
        <translation>Adicionar um contato</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="259"/>
        <source>Deleted contacts, with restore</source>
        <translation>Contatos excluídos, com restauração</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="265"/>
        <source>Export se&amp;lected…</source>
        <translation>Exportar &amp;selecionados…</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="265"/>
        <source>Export the selected contacts to a vCard or CSV file</source>
        <translation>Exportar os contatos selecionados para um arquivo vCard ou CSV</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="267"/>
        <source>Share as .&amp;vcf…</source>
        <translation>Compartilhar como .&amp;vcf…</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="267"/>
        <source>Save the selected contact as a vCard file to send</source>
        <translation>Salvar o contato selecionado como arquivo vCard para enviar</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="269"/>
        <source>Share as QR &amp;code…</source>
        <translation>Compartilhar como código &amp;QR…</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="269"/>
        <source>A QR code of the contact&apos;s vCard, for a phone&apos;s camera</source>
        <translation>Um código QR com o vCard do contato, para a câmera de um celular</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="275"/>
        <source>Find du&amp;plicates…</source>
        <translation>Encontrar d&amp;uplicados…</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="275"/>
        <source>Contacts sharing a number or an email, or with alike names; merge them</source>
        <translation>Contatos com o mesmo número ou e-mail, ou com nomes parecidos; mescle-os</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="320"/>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="734"/>
        <source>Export contact…</source>
        <translation>Exportar contato…</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/main_window.py" line="734"/>
        <source>Export %n contacts…</source>
        <translation>
            <numerusform>Exportar %n contato…</numerusform>
            <numerusform>Exportar %n contatos…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="740"/>
        <source>Merge these two…</source>
        <translation>Mesclar estes dois…</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="840"/>
        <source>Select the contacts to export first (Ctrl+A selects them all)</source>
        <translation>Selecione antes os contatos a exportar (Ctrl+A seleciona todos)</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="40"/>
        <source>A big book is read in pages, in the order the replicas keep it (starred first, then by first or last name: View → Sort by). Search to narrow it down.</source>
        <translation>Uma agenda grande é lida em páginas, na ordem em que as réplicas a guardam (favoritos primeiro, depois por nome ou sobrenome: Exibir → Ordenar por). Use a busca para filtrar.</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="44"/>
        <source>&amp;First name</source>
        <translation>&amp;Nome</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="44"/>
        <source>&amp;Last name</source>
        <translation>&amp;Sobrenome</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="310"/>
        <source>&amp;Sort by</source>
        <translation>&amp;Ordenar por</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="437"/>
        <source>, by last name</source>
        <translation>, por sobrenome</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="437"/>
        <source>, by first name</source>
        <translation>, por nome</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../session.py" line="167"/>
        <source>Connecting to the cluster…</source>
        <translation>Conectando ao cluster…</translation>
    </message>
    <message>
        <location filename="../session.py" line="317"/>
        <source>Refreshing failed: {0}</source>
        <translation>Falha ao atualizar: {0}</translation>
    </message>
    <message>
        <location filename="../session.py" line="321"/>
        <source>Lost contact with every replica; retrying…</source>
        <translation>Contato perdido com todas as réplicas; tentando de novo…</translation>
    </message>
    <message>
        <location filename="../session.py" line="325"/>
        <source>No replica reachable — retrying every second</source>
        <translation>Nenhuma réplica acessível — tentando de novo a cada segundo</translation>
    </message>
    <message>
        <location filename="../session.py" line="346"/>
        <source>Every saved change is shown again</source>
        <translation>Todas as alterações salvas voltaram a aparecer</translation>
    </message>
    <message>
        <location filename="../session.py" line="357"/>
        <source>Cannot use replica {0}: {1}</source>
        <translation>Não é possível usar a réplica {0}: {1}</translation>
    </message>
    <message>
        <location filename="../session.py" line="368"/>
        <source>Now using replica {0}, as chosen</source>
        <translation>Usando agora a réplica {0}, como escolhido</translation>
    </message>
    <message>
        <location filename="../session.py" line="370"/>
        <source>Replica {0} stopped answering — now using replica {1}</source>
        <translation>A réplica {0} parou de responder — usando agora a réplica {1}</translation>
    </message>
    <message>
        <location filename="../session.py" line="373"/>
        <source>Back in touch: using replica {0}</source>
        <translation>Contato restabelecido: usando a réplica {0}</translation>
    </message>
    <message>
        <location filename="../session.py" line="381"/>
        <source>Replica {0}</source>
        <translation>Réplica {0}</translation>
    </message>
    <message>
        <location filename="../session.py" line="383"/>
        <source> · {0} of {1} alive</source>
        <translation> · {0} de {1} ativas</translation>
    </message>
    <message numerus="yes">
        <location filename="../session.py" line="386"/>
        <source> · %n saved change(s) not shown</source>
        <translation>
            <numerusform> · %n alteração salva não exibida</numerusform>
            <numerusform> · %n alterações salvas não exibidas</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../session.py" line="402"/>
        <source>{0}: waiting for a replica…</source>
        <translation>{0}: aguardando uma réplica…</translation>
    </message>
    <message>
        <location filename="../session.py" line="444"/>
        <source>Added {0}</source>
        <translation>Adicionado: {0}</translation>
    </message>
    <message>
        <location filename="../session.py" line="600"/>
        <source>Nothing changed</source>
        <translation>Nada mudou</translation>
    </message>
    <message>
        <location filename="../session.py" line="481"/>
        <source>Saved &apos;{0}&apos;</source>
        <translation>Salvo: '{0}'</translation>
    </message>
    <message>
        <location filename="../session.py" line="627"/>
        <source>{0}: done</source>
        <translation>{0}: concluído</translation>
    </message>
    <message>
        <location filename="../session.py" line="340"/>
        <source>replica {0}</source>
        <translation>réplica {0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../session.py" line="343"/>
        <source>%n saved change(s) only on {0}, which is down: not shown until it is back (nothing is lost)</source>
        <translation>
            <numerusform>%n alteração salva só está na {0}, que está fora do ar: não aparece até ela voltar (nada se perde)</numerusform>
            <numerusform>%n alterações salvas só estão na {0}, que está fora do ar: não aparecem até ela voltar (nada se perde)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../session.py" line="509"/>
        <source>Delete forever {0}</source>
        <translation>Excluir para sempre {0}</translation>
    </message>
    <message>
        <location filename="../session.py" line="528"/>
        <source>Empty the trash</source>
        <translation>Esvaziar a lixeira</translation>
    </message>
    <message numerus="yes">
        <location filename="../session.py" line="539"/>
        <source>Trash emptied: %n contact(s) deleted forever</source>
        <translation>
            <numerusform>Lixeira esvaziada: %n contato excluído para sempre</numerusform>
            <numerusform>Lixeira esvaziada: %n contatos excluídos para sempre</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../session.py" line="64"/>
        <source>No replica could be reached: {0}</source>
        <translation>Nenhuma réplica respondeu: {0}</translation>
    </message>
    <message>
        <location filename="../session.py" line="432"/>
        <source>{0} failed</source>
        <translation>{0} falhou</translation>
    </message>
    <message>
        <location filename="../session.py" line="439"/>
        <source>Add {0}</source>
        <translation>Adicionar {0}</translation>
    </message>
    <message>
        <location filename="../session.py" line="490"/>
        <source>Save &apos;{0}&apos;</source>
        <translation>Salvar '{0}'</translation>
    </message>
    <message>
        <location filename="../session.py" line="495"/>
        <source>Delete {0}</source>
        <translation>Excluir {0}</translation>
    </message>
    <message>
        <location filename="../session.py" line="501"/>
        <source>Restore {0}</source>
        <translation>Restaurar {0}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../views/settings_dialog.py" line="12"/>
        <source>Settings</source>
        <translation>Configurações</translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="25"/>
        <source>The Pyro5 name server tells the window where the replicas are.</source>
        <translation>O servidor de nomes do Pyro5 informa à janela onde estão as réplicas.</translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="26"/>
        <source>Name server host</source>
        <translation>Host do servidor de nomes</translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="27"/>
        <source>Name server port</source>
        <translation>Porta do servidor de nomes</translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="29"/>
        <source>None: only numbers with a +country code are checked</source>
        <translation>Nenhuma: só números com +código do país são verificados</translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="35"/>
        <source>Default region</source>
        <translation>Região padrão</translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="76"/>
        <source>host: give a host name or an IP address, without spaces</source>
        <translation>host: informe um nome de host ou um endereço IP, sem espaços</translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="37"/>
        <source>vCard 3.0 (read by every phone and program)</source>
        <translation>vCard 3.0 (lido por qualquer celular e programa)</translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="38"/>
        <source>vCard 4.0 (the newest)</source>
        <translation>vCard 4.0 (o mais recente)</translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="40"/>
        <source>Export as</source>
        <translation>Exportar como</translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="49"/>
        <source>As the system</source>
        <translation>Como o sistema</translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="42"/>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="42"/>
        <source>Dark</source>
        <translation>Escuro</translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="46"/>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="53"/>
        <source>Takes effect the next time the window opens</source>
        <translation>Vale a partir da próxima vez que a janela abrir</translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="54"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="33"/>
        <source>A phone number typed without +country code is read as a number of this country (each phone in the contact dialog may have its own)</source>
        <translation>Um número de telefone digitado sem +código do país é lido como um número deste país (cada telefone no diálogo do contato pode ter o seu)</translation>
    </message>
</context>
<context>
    <name>Share</name>
    <message>
        <location filename="../views/share.py" line="39"/>
        <source>{name} holds too much for a QR code ({size} bytes of vCard; a QR code holds at most 2953). Share it as a .vcf file instead.</source>
        <translation>{name} tem dados demais para um código QR ({size} bytes de vCard; um código QR comporta no máximo 2953). Compartilhe-o como arquivo .vcf.</translation>
    </message>
    <message>
        <location filename="../views/share.py" line="40"/>
        <source>This contact</source>
        <translation>Este contato</translation>
    </message>
    <message>
        <location filename="../views/share.py" line="48"/>
        <source>QR code — {name}</source>
        <translation>Código QR — {name}</translation>
    </message>
    <message>
        <location filename="../views/share.py" line="59"/>
        <source>Share as .vcf…</source>
        <translation>Compartilhar como .vcf…</translation>
    </message>
    <message>
        <location filename="../views/share.py" line="63"/>
        <source>Point a phone&apos;s camera at it to add the contact (without the photo).</source>
        <translation>Aponte a câmera de um celular para ele para adicionar o contato (sem a foto).</translation>
    </message>
    <message>
        <location filename="../views/share.py" line="67"/>
        <source>&amp;Save image…</source>
        <translation>&amp;Salvar imagem…</translation>
    </message>
    <message>
        <location filename="../views/share.py" line="79"/>
        <source>Save QR code</source>
        <translation>Salvar código QR</translation>
    </message>
    <message>
        <location filename="../views/share.py" line="79"/>
        <source>PNG image (*.png)</source>
        <translation>Imagem PNG (*.png)</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../views/sidebar.py" line="58"/>
        <source>Contact groups</source>
        <translation>Grupos de contatos</translation>
    </message>
    <message>
        <location filename="../views/sidebar.py" line="92"/>
        <source>All contacts</source>
        <translation>Todos os contatos</translation>
    </message>
    <message>
        <location filename="../views/sidebar.py" line="102"/>
        <source>Groups</source>
        <translation>Grupos</translation>
    </message>
    <message>
        <location filename="../views/sidebar.py" line="95"/>
        <source>Search by group name</source>
        <translation>Busque pelo nome do grupo</translation>
    </message>
    <message>
        <location filename="../views/sidebar.py" line="95"/>
        <source>A book this big is held in pages, so its groups are not counted here; the search matches group names.</source>
        <translation>Uma agenda deste tamanho é carregada em páginas, por isso os grupos não são contados aqui; a busca encontra nomes de grupos.</translation>
    </message>
    <message>
        <location filename="../views/sidebar.py" line="100"/>
        <source>Starred</source>
        <translation>Favoritos</translation>
    </message>
    <message>
        <location filename="../views/sidebar.py" line="105"/>
        <source>Trash</source>
        <translation>Lixeira</translation>
    </message>
    <message>
        <location filename="../views/sidebar.py" line="105"/>
        <source>Deleted contacts (Return or click opens them)</source>
        <translation>Contatos excluídos (Enter ou um clique abre)</translation>
    </message>
</context>
<context>
    <name>Transfer</name>
    <message>
        <location filename="../views/transfer.py" line="24"/>
        <source>Contact files (*.vcf *.vcard *.csv);;vCard (*.vcf *.vcard);;CSV (*.csv);;All files (*)</source>
        <translation>Arquivos de contatos (*.vcf *.vcard *.csv);;vCard (*.vcf *.vcard);;CSV (*.csv);;Todos os arquivos (*)</translation>
    </message>
    <message>
        <location filename="../views/transfer.py" line="31"/>
        <source>CSV, plain (*.csv)</source>
        <translation>CSV, simples (*.csv)</translation>
    </message>
    <message>
        <location filename="../views/transfer.py" line="56"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../views/transfer.py" line="104"/>
        <source>Import contacts</source>
        <translation>Importar contatos</translation>
    </message>
    <message>
        <location filename="../views/transfer.py" line="119"/>
        <source>Importing {file}…</source>
        <translation>Importando {file}…</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/transfer.py" line="142"/>
        <source>%n property(ies) too big to keep and left out (see the details).</source>
        <translation>
            <numerusform>%n propriedade grande demais para guardar foi deixada de fora (veja os detalhes).</numerusform>
            <numerusform>%n propriedades grandes demais para guardar foram deixadas de fora (veja os detalhes).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/transfer.py" line="144"/>
        <source>Cancelled before anything was imported.</source>
        <translation>Cancelado antes de importar qualquer coisa.</translation>
    </message>
    <message>
        <location filename="../views/transfer.py" line="146"/>
        <source>Cancelled after {done} of {total} contacts:</source>
        <translation>Cancelado após {done} de {total} contatos:</translation>
    </message>
    <message>
        <location filename="../views/transfer.py" line="148"/>
        <source>Import finished</source>
        <translation>Importação concluída</translation>
    </message>
    <message>
        <location filename="../views/transfer.py" line="155"/>
        <source>Import failed</source>
        <translation>A importação falhou</translation>
    </message>
    <message>
        <location filename="../views/transfer.py" line="155"/>
        <source>Could not import {file}: {error}</source>
        <translation>Não foi possível importar {file}: {error}</translation>
    </message>
    <message>
        <location filename="../views/transfer.py" line="158"/>
        <source>Import {file}</source>
        <translation>Importar {file}</translation>
    </message>
    <message>
        <location filename="../views/transfer.py" line="183"/>
        <source>Export contacts</source>
        <translation>Exportar contatos</translation>
    </message>
    <message>
        <location filename="../views/transfer.py" line="183"/>
        <source>contacts</source>
        <translation>contatos</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/transfer.py" line="185"/>
        <source>Export %n contact(s)</source>
        <translation>
            <numerusform>Exportar %n contato</numerusform>
            <numerusform>Exportar %n contatos</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/transfer.py" line="186"/>
        <source>selected contacts</source>
        <translation>contatos selecionados</translation>
    </message>
    <message>
        <location filename="../views/transfer.py" line="213"/>
        <source>Exporting to {file}…</source>
        <translation>Exportando para {file}…</translation>
    </message>
    <message>
        <location filename="../views/transfer.py" line="256"/>
        <source>Export cancelled</source>
        <translation>Exportação cancelada</translation>
    </message>
    <message>
        <location filename="../views/transfer.py" line="256"/>
        <source>Nothing was written.</source>
        <translation>Nada foi gravado.</translation>
    </message>
    <message>
        <location filename="../views/transfer.py" line="259"/>
        <source>Export finished</source>
        <translation>Exportação concluída</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/transfer.py" line="259"/>
        <source>Wrote %n contact(s) to {path} ({kind}).</source>
        <translation>
            <numerusform>%n contato gravado em {path} ({kind}).</numerusform>
            <numerusform>%n contatos gravados em {path} ({kind}).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/transfer.py" line="264"/>
        <source>Export failed</source>
        <translation>A exportação falhou</translation>
    </message>
    <message>
        <location filename="../views/transfer.py" line="264"/>
        <source>Could not export to {path}: {error}</source>
        <translation>Não foi possível exportar para {path}: {error}</translation>
    </message>
    <message>
        <location filename="../views/transfer.py" line="267"/>
        <source>Export to {file}</source>
        <translation>Exportar para {file}</translation>
    </message>
    <message>
        <location filename="../views/transfer.py" line="164"/>
        <source>Imported {imported}</source>
        <translation>Importados: {imported}</translation>
    </message>
    <message>
        <location filename="../views/transfer.py" line="166"/>
        <source>, already there {count}</source>
        <translation>, já presentes: {count}</translation>
    </message>
    <message>
        <location filename="../views/transfer.py" line="168"/>
        <source>, updated {count}</source>
        <translation>, atualizados: {count}</translation>
    </message>
    <message>
        <location filename="../views/transfer.py" line="169"/>
        <source>, skipped {count}.</source>
        <translation>, ignorados: {count}.</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <location filename="../views/trash_dialog.py" line="21"/>
        <source>Trash</source>
        <translation>Lixeira</translation>
    </message>
    <message>
        <location filename="../views/trash_dialog.py" line="26"/>
        <source>Search the trash</source>
        <translation>Buscar na lixeira</translation>
    </message>
    <message>
        <location filename="../views/trash_dialog.py" line="43"/>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurar</translation>
    </message>
    <message>
        <location filename="../views/trash_dialog.py" line="44"/>
        <source>Restore the selected contacts (Return, Alt+R)</source>
        <translation>Restaurar os contatos selecionados (Enter, Alt+R)</translation>
    </message>
    <message>
        <location filename="../views/trash_dialog.py" line="56"/>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
    <message>
        <location filename="../views/trash_dialog.py" line="72"/>
        <source>Deleted contacts stay here (on every replica) until restored.</source>
        <translation>Os contatos excluídos ficam aqui (em todas as réplicas) até serem restaurados.</translation>
    </message>
    <message>
        <location filename="../views/trash_dialog.py" line="46"/>
        <source>&amp;Delete forever…</source>
        <translation>E&amp;xcluir para sempre…</translation>
    </message>
    <message>
        <location filename="../views/trash_dialog.py" line="47"/>
        <source>Delete the selected contacts on every replica, for good (no undo)</source>
        <translation>Excluir os contatos selecionados de todas as réplicas, de vez (não dá para desfazer)</translation>
    </message>
    <message>
        <location filename="../views/trash_dialog.py" line="49"/>
        <source>&amp;Empty trash…</source>
        <translation>Esvaziar a &amp;lixeira…</translation>
    </message>
    <message>
        <location filename="../views/trash_dialog.py" line="50"/>
        <source>Delete every contact in the trash on every replica, for good</source>
        <translation>Excluir de vez, em todas as réplicas, todos os contatos da lixeira</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/trash_dialog.py" line="110"/>
        <source>This cannot be undone: the contacts are removed from every replica.</source>
        <translation>
            <numerusform>Isso não pode ser desfeito: o contato é removido de todas as réplicas.</numerusform>
            <numerusform>Isso não pode ser desfeito: os contatos são removidos de todas as réplicas.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/trash_dialog.py" line="123"/>
        <source>Delete “{0}” forever?</source>
        <translation>Excluir “{0}” para sempre?</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/trash_dialog.py" line="123"/>
        <source>Delete %n contacts forever?</source>
        <translation>
            <numerusform>Excluir %n contato para sempre?</numerusform>
            <numerusform>Excluir %n contatos para sempre?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/trash_dialog.py" line="125"/>
        <source>Delete forever</source>
        <translation>Excluir para sempre</translation>
    </message>
    <message>
        <location filename="../views/trash_dialog.py" line="132"/>
        <source>Empty the trash</source>
        <translation>Esvaziar a lixeira</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/trash_dialog.py" line="132"/>
        <source>Delete all %n contact(s) in the trash forever?</source>
        <translation>
            <numerusform>Excluir para sempre o %n contato da lixeira?</numerusform>
            <numerusform>Excluir para sempre todos os %n contatos da lixeira?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/trash_dialog.py" line="132"/>
        <source>Empty trash</source>
        <translation>Esvaziar lixeira</translation>
    </message>
</context>
</TS>
