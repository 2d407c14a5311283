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
    <name>ContactColumns</name>
    <message>
        <location filename="../models/contact_table_model.py" line="15"/>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location filename="../models/contact_table_model.py" line="15"/>
        <source>Phone</source>
        <translation>Telefone</translation>
    </message>
    <message>
        <location filename="../models/contact_table_model.py" line="15"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../models/contact_table_model.py" line="15"/>
        <source>Organization</source>
        <translation>Organização</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/contact_table_model.py" line="44"/>
        <source>  (%n more)</source>
        <translation>
            <numerusform>  (mais %n)</numerusform>
            <numerusform>  (mais %n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <location filename="../presentation.py" line="41"/>
        <source>January</source>
        <translation>janeiro</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="41"/>
        <source>February</source>
        <translation>fevereiro</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="41"/>
        <source>March</source>
        <translation>março</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="41"/>
        <source>April</source>
        <translation>abril</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="41"/>
        <source>May</source>
        <translation>maio</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="41"/>
        <source>June</source>
        <translation>junho</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="41"/>
        <source>July</source>
        <translation>julho</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="41"/>
        <source>August</source>
        <translation>agosto</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="41"/>
        <source>September</source>
        <translation>setembro</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="41"/>
        <source>October</source>
        <translation>outubro</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="41"/>
        <source>November</source>
        <translation>novembro</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="41"/>
        <source>December</source>
        <translation>dezembro</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="197"/>
        <source>{day} {month} {year}</source>
        <translation>{day} de {month} de {year}</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="199"/>
        <source>{day} {month}</source>
        <translation>{day} de {month}</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="201"/>
        <source>{month} {year}</source>
        <translation>{month} de {year}</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="229"/>
        <source>today</source>
        <translation>hoje</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="231"/>
        <source>tomorrow</source>
        <translation>amanhã</translation>
    </message>
    <message numerus="yes">
        <location filename="../presentation.py" line="232"/>
        <source>in %n days</source>
        <translation>
            <numerusform>em %n dia</numerusform>
            <numerusform>em %n dias</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../presentation.py" line="244"/>
        <source>{date} — turns {years} {when}</source>
        <translation>{date} — completa {years} anos {when}</translation>
    </message>
    <message numerus="yes">
        <location filename="../presentation.py" line="255"/>
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
    <name>Labels</name>
    <message>
        <location filename="../views/detail_pane.py" line="114"/>
        <source>Phone</source>
        <translation>Telefone</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="52"/>
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
        <location filename="../presentation.py" line="51"/>
        <source>Mobile</source>
        <translation>Celular</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="49"/>
        <source>Home</source>
        <translation>Casa</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="49"/>
        <source>Work</source>
        <translation>Trabalho</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="49"/>
        <source>Other</source>
        <translation>Outro</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="49"/>
        <source>Fax</source>
        <translation>Fax</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="50"/>
        <source>Pager</source>
        <translation>Pager</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="50"/>
        <source>Voice</source>
        <translation>Voz</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="50"/>
        <source>Text</source>
        <translation>Mensagem de texto</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="50"/>
        <source>Video</source>
        <translation>Vídeo</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="51"/>
        <source>Textphone</source>
        <translation>Telefone para surdos</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="51"/>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="51"/>
        <source>Preferred</source>
        <translation>Preferencial</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="52"/>
        <source>X.400</source>
        <translation>X.400</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="52"/>
        <source>Spouse</source>
        <translation>Cônjuge</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="52"/>
        <source>Child</source>
        <translation>Filho(a)</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="53"/>
        <source>Parent</source>
        <translation>Pai/Mãe</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="53"/>
        <source>Sibling</source>
        <translation>Irmão(ã)</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="53"/>
        <source>Friend</source>
        <translation>Amigo(a)</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="53"/>
        <source>Relative</source>
        <translation>Parente</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="54"/>
        <source>Colleague</source>
        <translation>Colega</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="54"/>
        <source>Homepage</source>
        <translation>Página inicial</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="54"/>
        <source>Blog</source>
        <translation>Blog</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="54"/>
        <source>Profile</source>
        <translation>Perfil</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="54"/>
        <source>Co-worker</source>
        <translation>Colega de trabalho</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="54"/>
        <source>Assistant</source>
        <translation>Assistente</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="55"/>
        <source>Manager</source>
        <translation>Gerente</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="55"/>
        <source>Partner</source>
        <translation>Parceiro(a)</translation>
    </message>
    <message>
        <location filename="../presentation.py" line="55"/>
        <source>Emergency contact</source>
        <translation>Contato de emergência</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../views/main_window.py" line="58"/>
        <source>Contacts</source>
        <translation>Contatos</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="71"/>
        <source>Search every field  (Ctrl+F)</source>
        <translation>Buscar em todos os campos  (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="182"/>
        <source>The replica this window uses and how many are alive; click for the cluster panel</source>
        <translation>A réplica que esta janela usa e quantas estão ativas; clique para abrir o painel do cluster</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="220"/>
        <source>&amp;New contact…</source>
        <translation>&amp;Novo contato…</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="221"/>
        <source>&amp;Edit contact…</source>
        <translation>&amp;Editar contato…</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="222"/>
        <source>&amp;Delete</source>
        <translation>E&amp;xcluir</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="222"/>
        <source>Delete the selected contacts (undo with Ctrl+Z)</source>
        <translation>Excluir os contatos selecionados (desfazer com Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="224"/>
        <source>&amp;Star / unstar</source>
        <translation>&amp;Favoritar / desfavoritar</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="224"/>
        <source>Star the selected contacts (listed first), or unstar them</source>
        <translation>Marcar os contatos selecionados como favoritos (aparecem primeiro), ou desmarcá-los</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="226"/>
        <source>Add to &amp;group</source>
        <translation>Adicionar ao &amp;grupo</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="228"/>
        <source>Remove from g&amp;roup</source>
        <translation>Remover do g&amp;rupo</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="238"/>
        <source>&amp;Undo</source>
        <translation>&amp;Desfazer</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="239"/>
        <source>&amp;Redo</source>
        <translation>&amp;Refazer</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="246"/>
        <source>&amp;Find</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="247"/>
        <source>&amp;Trash…</source>
        <translation>&amp;Lixeira…</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="248"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Configurações…</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="249"/>
        <source>&amp;Quit</source>
        <translation>Sai&amp;r</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="250"/>
        <source>&amp;Import vCard or CSV…</source>
        <translation>&amp;Importar vCard ou CSV…</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="251"/>
        <source>&amp;Export…</source>
        <translation>E&amp;xportar…</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="252"/>
        <source>&amp;Refresh now</source>
        <translation>&amp;Atualizar agora</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="258"/>
        <source>&amp;File</source>
        <translation>&amp;Arquivo</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="262"/>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="276"/>
        <source>&amp;View</source>
        <translation>E&amp;xibir</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="293"/>
        <source>Undo {0}</source>
        <translation>Desfazer {0}</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="293"/>
        <source>Nothing to undo</source>
        <translation>Nada a desfazer</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="293"/>
        <source>Redo {0}</source>
        <translation>Refazer {0}</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="293"/>
        <source>Nothing to redo</source>
        <translation>Nada a refazer</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/main_window.py" line="374"/>
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n contato</numerusform>
            <numerusform>%n contatos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/main_window.py" line="378"/>
        <source> (first %n found)</source>
        <translation>
            <numerusform> (primeiro %n encontrado)</numerusform>
            <numerusform> (primeiros %n encontrados)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/main_window.py" line="378"/>
        <source> (%n found)</source>
        <translation>
            <numerusform> (%n encontrado)</numerusform>
            <numerusform> (%n encontrados)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="381"/>
        <source>, by name</source>
        <translation>, por nome</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="475"/>
        <source>No contact matches “{0}”</source>
        <translation>Nenhum contato corresponde a “{0}”</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="477"/>
        <source>No replica reachable yet — retrying</source>
        <translation>Nenhuma réplica acessível ainda — tentando de novo</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="479"/>
        <source>Loading…</source>
        <translation>Carregando…</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="481"/>
        <source>No contacts yet — Ctrl+N adds one</source>
        <translation>Nenhum contato ainda — Ctrl+N adiciona um</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="515"/>
        <source>Click for the cluster panel.

Recent:</source>
        <translation>Clique para abrir o painel do cluster.

Recentes:</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/main_window.py" line="518"/>
        <source>saving %n change(s)…</source>
        <translation>
            <numerusform>salvando %n alteração…</numerusform>
            <numerusform>salvando %n alterações…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="573"/>
        <source>The contact changed meanwhile</source>
        <translation>O contato mudou nesse meio-tempo</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="574"/>
        <source>While you were saving, {0}.</source>
        <translation>Enquanto você salvava, {0}.</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="575"/>
        <source>Save your version over theirs, edit again starting from theirs, or drop your changes?</source>
        <translation>Salvar a sua versão por cima da outra, editar de novo a partir da outra ou descartar as suas alterações?</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="577"/>
        <source>Overwrite</source>
        <translation>Sobrescrever</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="578"/>
        <source>Edit again</source>
        <translation>Editar de novo</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="579"/>
        <source>Keep theirs</source>
        <translation>Manter a outra</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="601"/>
        <source>Star {0}</source>
        <translation>Favoritar {0}</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="601"/>
        <source>Unstar {0}</source>
        <translation>Desfavoritar {0}</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="611"/>
        <source>Add {0} to {1}</source>
        <translation>Adicionar {0} a {1}</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="616"/>
        <source>Remove {0} from {1}</source>
        <translation>Remover {0} de {1}</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="631"/>
        <source>New group…</source>
        <translation>Novo grupo…</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="640"/>
        <source>(in no group)</source>
        <translation>(em nenhum grupo)</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="647"/>
        <source>New group</source>
        <translation>Novo grupo</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="648"/>
        <source>Add {0} to the group:</source>
        <translation>Adicionar {0} ao grupo:</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="664"/>
        <source>Unstar</source>
        <translation>Desfavoritar</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="664"/>
        <source>Star</source>
        <translation>Favoritar</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="665"/>
        <source>Add to group</source>
        <translation>Adicionar ao grupo</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="665"/>
        <source>Remove from group</source>
        <translation>Remover do grupo</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/main_window.py" line="680"/>
        <source>%n contacts</source>
        <translation>
            <numerusform>%n contato</numerusform>
            <numerusform>%n contatos</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="681"/>
        <source>Deleting {0} — Ctrl+Z brings it back</source>
        <translation>Excluindo {0} — Ctrl+Z desfaz</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="732"/>
        <source>Phone numbers without +country code are now read in {0}</source>
        <translation>Números de telefone sem +código do país agora são lidos como de {0}</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="732"/>
        <source>Phone numbers without +country code are now kept as typed, unchecked</source>
        <translation>Números de telefone sem +código do país agora são mantidos como digitados, sem verificação</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="743"/>
        <source>Using the name server at {0}:{1}</source>
        <translation>Usando o servidor de nomes em {0}:{1}</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="785"/>
        <source>Changes not saved yet</source>
        <translation>Alterações ainda não salvas</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="789"/>
        <source>Quit anyway</source>
        <translation>Sair mesmo assim</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="39"/>
        <source>A big book is shown in name order, the way the replicas keep it (starred contacts are not put first: that would need every contact). Search to narrow it down.</source>
        <translation>Uma agenda grande é mostrada em ordem alfabética, como as réplicas a guardam (os favoritos não vêm primeiro: isso exigiria todos os contatos). Use a busca para filtrar.</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/main_window.py" line="785"/>
        <source>%n change(s) still wait for a replica to answer. Quit anyway and lose them?</source>
        <translation>
            <numerusform>%n alteração ainda aguarda a resposta de uma réplica. Sair mesmo assim e perdê-la?</numerusform>
            <numerusform>%n alterações ainda aguardam a resposta de uma réplica. Sair mesmo assim e perdê-las?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../session.py" line="146"/>
        <source>Connecting to the cluster…</source>
        <translation>Conectando ao cluster…</translation>
    </message>
    <message>
        <location filename="../session.py" line="275"/>
        <source>Refreshing failed: {0}</source>
        <translation>Falha ao atualizar: {0}</translation>
    </message>
    <message>
        <location filename="../session.py" line="279"/>
        <source>Lost contact with every replica; retrying…</source>
        <translation>Contato perdido com todas as réplicas; tentando de novo…</translation>
    </message>
    <message>
        <location filename="../session.py" line="283"/>
        <source>No replica reachable — retrying every second</source>
        <translation>Nenhuma réplica acessível — tentando de novo a cada segundo</translation>
    </message>
    <message>
        <location filename="../session.py" line="304"/>
        <source>Every saved change is shown again</source>
        <translation>Todas as alterações salvas voltaram a aparecer</translation>
    </message>
    <message>
        <location filename="../session.py" line="315"/>
        <source>Cannot use replica {0}: {1}</source>
        <translation>Não é possível usar a réplica {0}: {1}</translation>
    </message>
    <message>
        <location filename="../session.py" line="326"/>
        <source>Now using replica {0}, as chosen</source>
        <translation>Usando agora a réplica {0}, como escolhido</translation>
    </message>
    <message>
        <location filename="../session.py" line="328"/>
        <source>Replica {0} stopped answering — now using replica {1}</source>
        <translation>A réplica {0} parou de responder — usando agora a réplica {1}</translation>
    </message>
    <message>
        <location filename="../session.py" line="331"/>
        <source>Back in touch: using replica {0}</source>
        <translation>Contato restabelecido: usando a réplica {0}</translation>
    </message>
    <message>
        <location filename="../session.py" line="339"/>
        <source>Replica {0}</source>
        <translation>Réplica {0}</translation>
    </message>
    <message>
        <location filename="../session.py" line="341"/>
        <source> · {0} of {1} alive</source>
        <translation> · {0} de {1} ativas</translation>
    </message>
    <message numerus="yes">
        <location filename="../session.py" line="344"/>
        <source> · %n saved change(s) not shown</source>
        <translation>
            <numerusform> · %n alteração salva não exibida</numerusform>
            <numerusform> · %n alterações salvas não exibidas</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../session.py" line="360"/>
        <source>{0}: waiting for a replica…</source>
        <translation>{0}: aguardando uma réplica…</translation>
    </message>
    <message>
        <location filename="../session.py" line="400"/>
        <source>Added {0}</source>
        <translation>Adicionado: {0}</translation>
    </message>
    <message>
        <location filename="../session.py" line="539"/>
        <source>Nothing changed</source>
        <translation>Nada mudou</translation>
    </message>
    <message>
        <location filename="../session.py" line="437"/>
        <source>Saved &apos;{0}&apos;</source>
        <translation>Salvo: '{0}'</translation>
    </message>
    <message>
        <location filename="../session.py" line="566"/>
        <source>{0}: done</source>
        <translation>{0}: concluído</translation>
    </message>
    <message>
        <location filename="../session.py" line="298"/>
        <source>replica {0}</source>
        <translation>réplica {0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../session.py" line="301"/>
        <source>%n saved change(s) only on {0}, which is down: not shown until it is back (nothing is lost)</source>
        <translation>
            <numerusform>%n alteração salva só está na {0}, que está fora do ar: não aparece até ela voltar (nada se perde)</numerusform>
            <numerusform>%n alterações salvas só estão na {0}, que está fora do ar: não aparecem até ela voltar (nada se perde)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../session.py" line="465"/>
        <source>Delete forever {0}</source>
        <translation>Excluir para sempre {0}</translation>
    </message>
    <message>
        <location filename="../session.py" line="483"/>
        <source>Empty the trash</source>
        <translation>Esvaziar a lixeira</translation>
    </message>
    <message numerus="yes">
        <location filename="../session.py" line="488"/>
        <source>Trash emptied: %n contact(s) deleted forever</source>
        <translation>
            <numerusform>Lixeira esvaziada: %n contato excluído para sempre</numerusform>
            <numerusform>Lixeira esvaziada: %n contatos excluídos para sempre</numerusform>
        </translation>
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
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../views/sidebar.py" line="51"/>
        <source>Contact groups</source>
        <translation>Grupos de contatos</translation>
    </message>
    <message>
        <location filename="../views/sidebar.py" line="84"/>
        <source>All contacts</source>
        <translation>Todos os contatos</translation>
    </message>
    <message>
        <location filename="../views/sidebar.py" line="94"/>
        <source>Groups</source>
        <translation>Grupos</translation>
    </message>
    <message>
        <location filename="../views/sidebar.py" line="87"/>
        <source>Search by group name</source>
        <translation>Busque pelo nome do grupo</translation>
    </message>
    <message>
        <location filename="../views/sidebar.py" line="87"/>
        <source>A book this big is held in pages, so its groups are not counted here; the search matches group names.</source>
        <translation>Uma agenda deste tamanho é carregada em páginas, por isso os grupos não são contados aqui; a busca encontra nomes de grupos.</translation>
    </message>
    <message>
        <location filename="../views/sidebar.py" line="92"/>
        <source>Starred</source>
        <translation>Favoritos</translation>
    </message>
    <message>
        <location filename="../views/sidebar.py" line="97"/>
        <source>Trash</source>
        <translation>Lixeira</translation>
    </message>
    <message>
        <location filename="../views/sidebar.py" line="97"/>
        <source>Deleted contacts (Return or click opens them)</source>
        <translation>Contatos excluídos (Enter ou um clique abre)</translation>
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
        <location filename="../views/trash_dialog.py" line="27"/>
        <source>Search the trash</source>
        <translation>Buscar na lixeira</translation>
    </message>
    <message>
        <location filename="../views/trash_dialog.py" line="38"/>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurar</translation>
    </message>
    <message>
        <location filename="../views/trash_dialog.py" line="39"/>
        <source>Restore the selected contacts (Return, Alt+R)</source>
        <translation>Restaurar os contatos selecionados (Enter, Alt+R)</translation>
    </message>
    <message>
        <location filename="../views/trash_dialog.py" line="51"/>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
    <message>
        <location filename="../views/trash_dialog.py" line="71"/>
        <source>Deleted contacts stay here (on every replica) until restored.</source>
        <translation>Os contatos excluídos ficam aqui (em todas as réplicas) até serem restaurados.</translation>
    </message>
    <message>
        <location filename="../views/trash_dialog.py" line="41"/>
        <source>&amp;Delete forever…</source>
        <translation>E&amp;xcluir para sempre…</translation>
    </message>
    <message>
        <location filename="../views/trash_dialog.py" line="42"/>
        <source>Delete the selected contacts on every replica, for good (no undo)</source>
        <translation>Excluir os contatos selecionados de todas as réplicas, de vez (não dá para desfazer)</translation>
    </message>
    <message>
        <location filename="../views/trash_dialog.py" line="44"/>
        <source>&amp;Empty trash…</source>
        <translation>Esvaziar a &amp;lixeira…</translation>
    </message>
    <message>
        <location filename="../views/trash_dialog.py" line="45"/>
        <source>Delete every contact in the trash on every replica, for good</source>
        <translation>Excluir de vez, em todas as réplicas, todos os contatos da lixeira</translation>
    </message>
    <message>
        <location filename="../views/trash_dialog.py" line="94"/>
        <source>This cannot be undone: the contacts are removed from every replica.</source>
        <translation>Isto não pode ser desfeito: os contatos são removidos de todas as réplicas.</translation>
    </message>
    <message>
        <location filename="../views/trash_dialog.py" line="106"/>
        <source>Delete “{0}” forever?</source>
        <translation>Excluir “{0}” para sempre?</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/trash_dialog.py" line="106"/>
        <source>Delete %n contacts forever?</source>
        <translation>
            <numerusform>Excluir %n contato para sempre?</numerusform>
            <numerusform>Excluir %n contatos para sempre?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/trash_dialog.py" line="108"/>
        <source>Delete forever</source>
        <translation>Excluir para sempre</translation>
    </message>
    <message>
        <location filename="../views/trash_dialog.py" line="115"/>
        <source>Empty the trash</source>
        <translation>Esvaziar a lixeira</translation>
    </message>
    <message numerus="yes">
        <location filename="../views/trash_dialog.py" line="115"/>
        <source>Delete all %n contact(s) in the trash forever?</source>
        <translation>
            <numerusform>Excluir para sempre o %n contato da lixeira?</numerusform>
            <numerusform>Excluir para sempre todos os %n contatos da lixeira?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/trash_dialog.py" line="115"/>
        <source>Empty trash</source>
        <translation>Esvaziar lixeira</translation>
    </message>
</context>
</TS>
